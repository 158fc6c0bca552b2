import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { apiKeyPublicSelect } from "@switchyard/db";
import { authedProcedure } from "../trpc";
import { requireWorkspaceRole } from "../access";
import { generateApiKey } from "../auth/api-keys";

const workspaceId = z.string().min(1).max(100);

export const apiKeysRouter = {
  list: authedProcedure.input(z.object({ workspaceId })).query(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    return ctx.db.apiKey.findMany({ where: { workspaceId: input.workspaceId }, select: apiKeyPublicSelect, orderBy: { createdAt: "desc" } });
  }),

  /** Creates a key and returns it once; only its hash is stored. */
  create: authedProcedure
    .input(z.object({ workspaceId, name: z.string().trim().min(1).max(100), role: z.enum(["editor", "viewer"]).default("editor") }))
    .mutation(async ({ ctx, input }) => {
      await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
      const { key, prefix, hash } = generateApiKey();
      const row = await ctx.db.apiKey.create({
        data: { workspaceId: input.workspaceId, name: input.name, role: input.role, prefix, hash, createdById: ctx.user.id },
        select: apiKeyPublicSelect,
      });
      return { ...row, key };
    }),

  revoke: authedProcedure.input(z.object({ workspaceId, id: z.string().min(1).max(100) })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    const revoked = await ctx.db.apiKey.updateMany({ where: { id: input.id, workspaceId: input.workspaceId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) throw new TRPCError({ code: "NOT_FOUND", message: "API key not found" });
    return { id: input.id };
  }),
} satisfies TRPCRouterRecord;
