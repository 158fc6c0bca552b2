import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { credentialPublicSelect } from "@switchyard/db";
import { authedProcedure } from "../trpc";
import { requireWorkspaceRole } from "../access";
import { keyHint } from "../services/credential-vault";
import { CREDENTIALS_CHANGED_CHANNEL, workspaceKeys } from "../services/workspace-keys";
import { writeAudit } from "../audit/audit-log";

const workspaceId = z.string().min(1).max(100);
const provider = z.string().min(1).max(40);
const key = z.string().trim().min(8, "That does not look like an API key").max(500);

export const credentialsRouter = {
  /** Which providers have a key, with a hint of it; never the key. */
  list: authedProcedure.input(z.object({ workspaceId })).query(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "viewer");
    return ctx.db.providerCredential.findMany({ where: { workspaceId: input.workspaceId }, select: credentialPublicSelect, orderBy: { provider: "asc" } });
  }),

  set: authedProcedure.input(z.object({ workspaceId, provider, key })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    if (!ctx.services.providers.credentialProviders.includes(input.provider)) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `Unknown provider '${input.provider}'; keys can be stored for ${ctx.services.providers.credentialProviders.join(", ")}.` });
    }
    const sealed = ctx.services.vault.seal(input.key, `${input.workspaceId}:${input.provider}`);
    const data = { ...sealed, keyHint: keyHint(input.key), createdById: ctx.user.id };
    return ctx.db.$transaction(async (tx) => {
      const saved = await tx.providerCredential.upsert({
        where: { workspaceId_provider: { workspaceId: input.workspaceId, provider: input.provider } },
        create: { workspaceId: input.workspaceId, provider: input.provider, ...data },
        update: data,
        select: credentialPublicSelect,
      });
      // The provider and the hint the UI already shows; never the key.
      await writeAudit(tx, { workspaceId: input.workspaceId, actorId: ctx.user.id, action: "credential.set", target: saved.id, details: { provider: input.provider, keyHint: saved.keyHint } });
      // On commit: workers drop the keys they hold for this workspace, so the next run uses this one.
      await tx.$executeRaw`SELECT pg_notify(${CREDENTIALS_CHANGED_CHANNEL}, ${input.workspaceId})`;
      return saved;
    });
  }),

  /** Tries a key (the given one, or the stored one) with a real call; says which models it unlocks. */
  test: authedProcedure.input(z.object({ workspaceId, provider, key: key.optional() })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "editor");
    const candidate = input.key ?? (await workspaceKeys(ctx.db, ctx.services.vault, input.workspaceId))[input.provider];
    if (!candidate) throw new TRPCError({ code: "NOT_FOUND", message: `No ${input.provider} key is stored for this workspace.` });
    return ctx.services.providers.testKey(input.provider, candidate);
  }),

  delete: authedProcedure.input(z.object({ workspaceId, provider })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    await ctx.db.$transaction(async (tx) => {
      const deleted = await tx.providerCredential.deleteMany({ where: { workspaceId: input.workspaceId, provider: input.provider } });
      if (deleted.count === 0) throw new TRPCError({ code: "NOT_FOUND", message: `No ${input.provider} key is stored for this workspace.` });
      await writeAudit(tx, { workspaceId: input.workspaceId, actorId: ctx.user.id, action: "credential.deleted", target: input.provider, details: { provider: input.provider } });
      await tx.$executeRaw`SELECT pg_notify(${CREDENTIALS_CHANGED_CHANNEL}, ${input.workspaceId})`;
    });
    return { provider: input.provider };
  }),
} satisfies TRPCRouterRecord;
