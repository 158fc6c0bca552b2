import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc";

export const meRouter = {
  /** The signed-in user (or null) and the workspaces they belong to, with their role in each. */
  get: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.user) return { user: null, workspaces: [], sessionExpired: ctx.sessionExpired };
    const memberships = await ctx.db.membership.findMany({
      where: { userId: ctx.user.id },
      select: { role: true, workspace: { select: { id: true, name: true, personal: true } } },
      orderBy: { createdAt: "asc" },
    });
    return { user: ctx.user, workspaces: memberships.map((m) => ({ ...m.workspace, role: m.role })), sessionExpired: false };
  }),

} satisfies TRPCRouterRecord;
