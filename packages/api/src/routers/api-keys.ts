import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { apiKeyPublicSelect } from "@switchyard/db";
import { authedProcedure } from "../trpc";
import { requireWorkspaceRole } from "../access";
import { generateApiKey } from "../auth/api-keys";
import { writeAudit } from "../audit/audit-log";
import { apiKeyPrincipal } from "../services/access-changes";

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
      const row = await ctx.db.$transaction(async (tx) => {
        const created = await tx.apiKey.create({
          data: { workspaceId: input.workspaceId, name: input.name, role: input.role, prefix, hash, createdById: ctx.user.id },
          select: apiKeyPublicSelect,
        });
        await writeAudit(tx, { workspaceId: input.workspaceId, actorId: ctx.user.id, action: "api_key.created", target: created.id, details: { name: created.name, prefix, role: created.role } });
        return created;
      });
      return { ...row, key };
    }),

  revoke: authedProcedure.input(z.object({ workspaceId, id: z.string().min(1).max(100) })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    await ctx.db.$transaction(async (tx) => {
      const revoked = await tx.apiKey.updateMany({ where: { id: input.id, workspaceId: input.workspaceId, revokedAt: null }, data: { revokedAt: new Date() } });
      if (revoked.count === 0) throw new TRPCError({ code: "NOT_FOUND", message: "API key not found" });
      const { name, prefix, role } = await tx.apiKey.findUniqueOrThrow({ where: { id: input.id }, select: { name: true, prefix: true, role: true } });
      await writeAudit(tx, { workspaceId: input.workspaceId, actorId: ctx.user.id, action: "api_key.revoked", target: input.id, details: { name, prefix, role } });
    });
    // Streams a program holds open with this key end now, not when they next reconnect.
    await ctx.services.accessChanges.publish([apiKeyPrincipal(input.id)]);
    return { id: input.id };
  }),
} satisfies TRPCRouterRecord;
