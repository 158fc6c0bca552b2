import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { authedProcedure, publicProcedure } from "../trpc";
import { requireFlowWorkspaceRole } from "../access";
import { createLink, openLink, revokeLink } from "../sharing/links";
import { listShares, revokeShare, shareWithUser, updateShareRole } from "../sharing/user-shares";

const id = z.string().min(1).max(100);
const shareRole = z.enum(["viewer", "editor"]);

/**
 * Sharing one flow beyond its workspace. Editors and owners of the flow's workspace manage it;
 * people a flow was shared with use it but do not share it further.
 */
export const sharesRouter = {
  /** People the flow is shared with (email, role) and its live read-only links (never their tokens). */
  list: authedProcedure.input(z.object({ flowId: id })).query(async ({ ctx, input }) => {
    await requireFlowWorkspaceRole(ctx.db, ctx.user.id, input.flowId, "editor", "see who it is shared with");
    return listShares(ctx.db, input.flowId);
  }),

  /** Shares with an existing user by email as viewer or editor; sharing again changes the role. */
  shareWithUser: authedProcedure
    .input(z.object({ flowId: id, email: z.email().max(320), role: shareRole }))
    .mutation(({ ctx, input }) => shareWithUser(ctx.db, ctx.services.accessChanges, ctx.user, input)),

  updateRole: authedProcedure
    .input(z.object({ shareId: id, role: shareRole }))
    .mutation(({ ctx, input }) => updateShareRole(ctx.db, ctx.services.accessChanges, ctx.user, input)),

  revoke: authedProcedure.input(z.object({ shareId: id })).mutation(({ ctx, input }) => revokeShare(ctx.db, ctx.services.accessChanges, ctx.user, input.shareId)),

  /** A read-only link; `token` and `path` are shown this once. */
  createLink: authedProcedure.input(z.object({ flowId: id })).mutation(({ ctx, input }) => createLink(ctx.db, ctx.user, input.flowId)),

  revokeLink: authedProcedure.input(z.object({ shareId: id })).mutation(({ ctx, input }) => revokeLink(ctx.db, ctx.user, input.shareId)),

  /** The flow behind a link (name, document), read-only, signed in or not; a revoked link is "not found". */
  openLink: publicProcedure.input(z.object({ token: z.string().min(1).max(200) })).query(({ ctx, input }) => openLink(ctx.db, input.token)),
} satisfies TRPCRouterRecord;
