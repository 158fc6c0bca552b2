import { TRPCError } from "@trpc/server";
import { userSummarySelect, type Db, type Prisma } from "@switchyard/db";
import { highestRole, type Role } from "../access";
import { writeAudit } from "../audit/audit-log";
import { hashLinkToken, LINK_TOKEN_PATTERN, newLinkToken } from "../auth/tokens";
import type { SessionUser } from "../context";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** What owners see of an invitation: never its token or hash. */
export const invitationSelect = {
  id: true,
  workspaceId: true,
  email: true,
  role: true,
  expiresAt: true,
  createdAt: true,
  invitedBy: { select: userSummarySelect },
} satisfies Prisma.InvitationSelect;

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

function statusOf(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

const invalidLink = () => new TRPCError({ code: "NOT_FOUND", message: "This invitation link is not valid." });

/** Invites an email address; the returned path (with its token) is the only copy of the token. */
export async function createInvitation(db: Db, actor: SessionUser, input: { workspaceId: string; email: string; role: Role }) {
  const email = input.email.trim().toLowerCase();
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: input.workspaceId }, select: { personal: true } });
  if (workspace.personal) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "A personal workspace is yours alone; create a team workspace to invite people." });
  }
  const member = await db.membership.findFirst({ where: { workspaceId: input.workspaceId, user: { email: { equals: email, mode: "insensitive" } } }, select: { userId: true } });
  if (member) throw new TRPCError({ code: "CONFLICT", message: `${email} is already a member of this workspace.` });

  const { token, hash } = newLinkToken();
  const invitation = await db.$transaction(async (tx) => {
    // A newer invitation to the same address replaces older ones: only the latest link works.
    await tx.invitation.updateMany({ where: { workspaceId: input.workspaceId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const created = await tx.invitation.create({
      data: { workspaceId: input.workspaceId, email, role: input.role, tokenHash: hash, invitedById: actor.id, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) },
      select: invitationSelect,
    });
    await writeAudit(tx, { workspaceId: input.workspaceId, actorId: actor.id, action: "invitation.created", target: created.id, details: { email, role: input.role } });
    return created;
  });
  return { ...invitation, path: `/invite/${token}` };
}

/** Invitations still waiting for their invitee. */
export async function pendingInvitations(db: Db, workspaceId: string) {
  return db.invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: invitationSelect,
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvitation(db: Db, actor: SessionUser, input: { workspaceId: string; id: string }) {
  await db.$transaction(async (tx) => {
    const revoked = await tx.invitation.updateMany({ where: { id: input.id, workspaceId: input.workspaceId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) throw new TRPCError({ code: "NOT_FOUND", message: "Invitation not found (or already accepted or withdrawn)" });
    const { email, role } = await tx.invitation.findUniqueOrThrow({ where: { id: input.id }, select: { email: true, role: true } });
    await writeAudit(tx, { workspaceId: input.workspaceId, actorId: actor.id, action: "invitation.revoked", target: input.id, details: { email, role } });
  });
  return { id: input.id };
}

/** What the invite page shows before the invitee accepts: anyone holding the link may read it. */
export async function invitationInfo(db: Db, token: string) {
  if (!LINK_TOKEN_PATTERN.test(token)) throw invalidLink();
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation) throw invalidLink();
  return {
    workspaceName: invitation.workspace.name,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedBy.name,
    expiresAt: invitation.expiresAt,
    status: statusOf(invitation),
  };
}

/**
 * Joins the signed-in user to the invitation's workspace. Only the invited address may accept;
 * accepting again as a member is a no-op, and a role is never lowered by an invitation.
 */
export async function acceptInvitation(db: Db, user: SessionUser, token: string): Promise<{ workspaceId: string; workspaceName: string; role: Role }> {
  if (!LINK_TOKEN_PATTERN.test(token)) throw invalidLink();
  return db.$transaction(async (tx) => {
    // Locked, so two tabs accepting at once make one membership and one audit entry.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "invitation" WHERE "tokenHash" = ${hashLinkToken(token)} FOR UPDATE`;
    if (!locked[0]) throw invalidLink();
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { id: locked[0].id },
      select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { id: true, name: true } } },
    });
    const { workspace } = invitation;
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This invitation is for ${invitation.email}; you are signed in as ${user.email}.` });
    }
    const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } }, select: { role: true } });
    const status = statusOf(invitation);
    if (status === "accepted" && existing) return { workspaceId: workspace.id, workspaceName: workspace.name, role: existing.role };
    if (status === "accepted") throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This invitation has already been used; ask a workspace owner for a new one." });
    if (status === "revoked") throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This invitation was withdrawn; ask a workspace owner for a new one." });
    if (status === "expired") {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This invitation expired on ${invitation.expiresAt.toISOString().slice(0, 10)}; ask a workspace owner for a new one.` });
    }
    const role = highestRole([invitation.role, ...(existing ? [existing.role] : [])])!;
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      create: { workspaceId: workspace.id, userId: user.id, role },
      update: { role },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() }, select: { id: true } });
    await writeAudit(tx, { workspaceId: workspace.id, actorId: user.id, action: "invitation.accepted", target: invitation.id, details: { email: invitation.email, role } });
    return { workspaceId: workspace.id, workspaceName: workspace.name, role };
  });
}
