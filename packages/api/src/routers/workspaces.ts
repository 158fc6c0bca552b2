import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { userSummarySelect } from "@switchyard/db";
import { authedProcedure, publicProcedure } from "../trpc";
import { requireWorkspaceRole } from "../access";
import { writeAudit } from "../audit/audit-log";
import { acceptInvitation, createInvitation, invitationInfo, pendingInvitations, revokeInvitation } from "../workspaces/invitations";
import { listMembers, removeMember, setMemberRole } from "../workspaces/members";
import { renameWorkspace } from "../workspaces/rename-workspace";
import { deleteWorkspace } from "../workspaces/delete-workspace";

const id = z.string().min(1).max(100);
const workspaceId = id;
const role = z.enum(["owner", "editor", "viewer"]);
const token = z.string().min(1).max(200);
const name = z.string().trim().min(1, "A workspace needs a name").max(100);

export const workspacesRouter = {
  /** A new team workspace; its creator is its owner. (`me.get` lists the caller's workspaces.) */
  create: authedProcedure.input(z.object({ name })).mutation(async ({ ctx, input }) => {
    return ctx.db.$transaction(async (tx) => {
      const workspace = await tx.workspace.create({
        data: { name: input.name, personal: false, memberships: { create: { userId: ctx.user.id, role: "owner" } } },
        select: { id: true, name: true, personal: true, createdAt: true },
      });
      await writeAudit(tx, { workspaceId: workspace.id, actorId: ctx.user.id, action: "workspace.created", target: workspace.id, details: { name: workspace.name } });
      return { ...workspace, role: "owner" as const };
    });
  }),

  /** Owners rename a workspace, personal ones included; the audit log keeps the old name. */
  rename: authedProcedure.input(z.object({ workspaceId, name })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    return renameWorkspace(ctx.db, ctx.user, input);
  }),

  /** Owners delete a team workspace with everything in it, typing its name to confirm. Personal ones stay. */
  delete: authedProcedure.input(z.object({ workspaceId, confirmName: z.string().trim().max(200) })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    return deleteWorkspace(ctx.db, ctx.services, input);
  }),

  /** Members with name, email and role; any member may see who else is in the workspace. */
  members: authedProcedure.input(z.object({ workspaceId })).query(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "viewer");
    return listMembers(ctx.db, input.workspaceId);
  }),

  /** Owners invite by email. No mail is sent: hand the returned `path` (valid 7 days, shown once) to the invitee. */
  invite: authedProcedure.input(z.object({ workspaceId, email: z.email().max(320), role })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    return createInvitation(ctx.db, ctx.user, input);
  }),

  /** Pending invitations (never their tokens). */
  invitations: authedProcedure.input(z.object({ workspaceId })).query(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    return pendingInvitations(ctx.db, input.workspaceId);
  }),

  revokeInvitation: authedProcedure.input(z.object({ workspaceId, id })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    return revokeInvitation(ctx.db, ctx.user, input);
  }),

  /** What an invitation link offers (workspace, role, status), for the invite page; signed in or not. */
  inviteInfo: publicProcedure.input(z.object({ token })).query(({ ctx, input }) => invitationInfo(ctx.db, input.token)),

  /** Joins the invitation's workspace; the signed-in user's email must be the invited one. */
  acceptInvite: authedProcedure.input(z.object({ token })).mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.user, input.token)),

  /** Owners change roles; the last owner can't be demoted. */
  setRole: authedProcedure.input(z.object({ workspaceId, userId: id, role })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
    return setMemberRole(ctx.db, ctx.services.accessChanges, ctx.user, input);
  }),

  /** Owners remove members; any member may remove themself (leave). The last owner stays. */
  removeMember: authedProcedure.input(z.object({ workspaceId, userId: id })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, input.userId === ctx.user.id ? "viewer" : "owner");
    return removeMember(ctx.db, ctx.services.accessChanges, ctx.user, input);
  }),

  /** The audit log, newest first: renames, sharing, membership, role, key and credential changes. Owners only. */
  audit: authedProcedure
    .input(z.object({ workspaceId, limit: z.number().int().min(1).max(200).default(50), cursor: id.optional() }))
    .query(async ({ ctx, input }) => {
      await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "owner");
      const entries = await ctx.db.auditLog.findMany({
        where: { workspaceId: input.workspaceId },
        select: { id: true, action: true, target: true, details: true, createdAt: true, actor: { select: { ...userSummarySelect, email: true } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: input.limit + 1,
        // The cursor is the first entry of the page (the one popped below), so it is included.
        ...(input.cursor ? { cursor: { id: input.cursor } } : {}),
      });
      const next = entries.length > input.limit ? entries.pop()?.id : undefined;
      return { entries, nextCursor: next ?? null };
    }),
} satisfies TRPCRouterRecord;
