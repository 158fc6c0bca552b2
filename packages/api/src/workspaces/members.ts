import { TRPCError } from "@trpc/server";
import { membershipSelect, type Db, type Prisma } from "@switchyard/db";
import { atLeast, type Role } from "../access";
import { writeAudit } from "../audit/audit-log";
import type { SessionUser } from "../context";
import { apiKeyPrincipal, userPrincipal, type AccessChanges } from "../services/access-changes";
import { narrowMemberKeys, revokeMemberKeys } from "./member-keys";

type Tx = Prisma.TransactionClient;

/** Members with name, email and role, owners first. */
export async function listMembers(db: Db, workspaceId: string) {
  const members = await db.membership.findMany({ where: { workspaceId }, select: membershipSelect, orderBy: { createdAt: "asc" } });
  const rank: Record<Role, number> = { owner: 0, editor: 1, viewer: 2 };
  return members.sort((a, b) => rank[a.role] - rank[b.role]);
}

/**
 * The workspace's owners, locked for this transaction: two owners demoting each other at once
 * are serialised here, so the "at least one owner" rule cannot be raced.
 */
async function lockOwners(tx: Tx, workspaceId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`SELECT "userId" FROM "membership" WHERE "workspaceId" = ${workspaceId} AND "role" = 'owner' FOR UPDATE`;
  return rows.map((r) => r.userId);
}

async function memberOrNotFound(tx: Tx, workspaceId: string, userId: string) {
  const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true, user: { select: { email: true } } } });
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "Member not found" });
  return member;
}

const lastOwner = (what: string) =>
  new TRPCError({ code: "PRECONDITION_FAILED", message: `A workspace needs at least one owner: make someone else an owner before ${what}.` });

/** Changes a member's role (owners only, checked by the caller); the last owner stays an owner. A lower role narrows the keys they made. */
export async function setMemberRole(db: Db, accessChanges: AccessChanges, actor: SessionUser, input: { workspaceId: string; userId: string; role: Role }) {
  const changed = await db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, input.workspaceId);
    const member = await memberOrNotFound(tx, input.workspaceId, input.userId);
    if (member.role === input.role) return undefined;
    if (member.role === "owner" && owners.length <= 1) throw lastOwner(input.userId === actor.id ? "stepping down" : "changing this role");
    await tx.membership.update({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } }, data: { role: input.role }, select: { role: true } });
    await writeAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: actor.id,
      action: "member.role_changed",
      target: input.userId,
      details: { email: member.user.email, from: member.role, to: input.role },
    });
    const keys = await narrowMemberKeys(tx, { workspaceId: input.workspaceId, userId: input.userId, actorId: actor.id }, input.role);
    return { from: member.role, keys };
  });
  if (changed && !atLeast(input.role, changed.from)) await accessChanges.publish([userPrincipal(input.userId), ...changed.keys.map(apiKeyPrincipal)]);
  return { workspaceId: input.workspaceId, userId: input.userId, role: input.role };
}

/** Removes a member (an owner removing someone, or a member leaving) and revokes the keys they made there; the last owner stays. */
export async function removeMember(db: Db, accessChanges: AccessChanges, actor: SessionUser, input: { workspaceId: string; userId: string }) {
  const leaving = input.userId === actor.id;
  const keys = await db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, input.workspaceId);
    const member = await memberOrNotFound(tx, input.workspaceId, input.userId);
    if (member.role === "owner" && owners.length <= 1) throw lastOwner(leaving ? "leaving" : "removing this owner");
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } }, select: { userId: true } });
    await writeAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: actor.id,
      action: leaving ? "member.left" : "member.removed",
      target: input.userId,
      details: { email: member.user.email, role: member.role },
    });
    return revokeMemberKeys(tx, { workspaceId: input.workspaceId, userId: input.userId, actorId: actor.id }, leaving ? "member.left" : "member.removed");
  });
  // Their sessions' streams and their keys' streams end now, not at the next re-check.
  await accessChanges.publish([userPrincipal(input.userId), ...keys.map(apiKeyPrincipal)]);
  return { workspaceId: input.workspaceId, userId: input.userId };
}
