import { TRPCError } from "@trpc/server";
import { userSummarySelect, type Db, type Prisma } from "@switchyard/db";
import { atLeast, requireFlowWorkspaceRole, type Role } from "../access";
import { writeAudit } from "../audit/audit-log";
import type { SessionUser } from "../context";
import { userPrincipal, type AccessChanges } from "../services/access-changes";

/** A share with a person, as the sharing panel shows it. */
export const userShareSelect = {
  id: true,
  flowId: true,
  role: true,
  createdAt: true,
  user: { select: { ...userSummarySelect, email: true } },
  createdBy: { select: userSummarySelect },
} satisfies Prisma.FlowShareSelect;

/** A read-only link, as the sharing panel shows it: never its token or hash. */
export const linkShareSelect = { id: true, flowId: true, role: true, createdAt: true, createdBy: { select: userSummarySelect } } satisfies Prisma.FlowShareSelect;

const SHARING = "share it";

/** Who has access to a flow through shares: people (with email and role) and live links. */
export async function listShares(db: Db, flowId: string) {
  const [users, links] = await Promise.all([
    db.flowShare.findMany({ where: { flowId, userId: { not: null }, revokedAt: null }, select: userShareSelect, orderBy: { createdAt: "asc" } }),
    db.flowShare.findMany({ where: { flowId, linkTokenHash: { not: null }, revokedAt: null }, select: linkShareSelect, orderBy: { createdAt: "asc" } }),
  ]);
  return { users, links };
}

/** Shares a flow with an existing user by email, or changes (or revives) their share. */
export async function shareWithUser(db: Db, accessChanges: AccessChanges, actor: SessionUser, input: { flowId: string; email: string; role: Role }) {
  const { workspaceId } = await requireFlowWorkspaceRole(db, actor.id, input.flowId, "editor", SHARING);
  const email = input.email.trim().toLowerCase();
  const target = await db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true, email: true } });
  if (!target) {
    throw new TRPCError({ code: "NOT_FOUND", message: `No one has signed up with ${email} yet; ask them to sign up first, or invite them to the workspace.` });
  }
  if (target.id === actor.id) throw new TRPCError({ code: "BAD_REQUEST", message: "You can't share a flow with yourself." });

  const { share, lowered } = await db.$transaction(async (tx) => {
    const existing = await tx.flowShare.findUnique({ where: { flowId_userId: { flowId: input.flowId, userId: target.id } }, select: { role: true, revokedAt: true } });
    const live = existing && !existing.revokedAt ? existing : undefined;
    const share = await tx.flowShare.upsert({
      where: { flowId_userId: { flowId: input.flowId, userId: target.id } },
      create: { flowId: input.flowId, userId: target.id, role: input.role, createdById: actor.id },
      update: { role: input.role, revokedAt: null, ...(live ? {} : { createdById: actor.id, createdAt: new Date() }) },
      select: userShareSelect,
    });
    if (live?.role !== input.role) {
      await writeAudit(tx, {
        workspaceId,
        actorId: actor.id,
        action: live ? "share.role_changed" : "share.created",
        target: share.id,
        details: { flowId: input.flowId, email: target.email, role: input.role, ...(live ? { from: live.role } : {}) },
      });
    }
    return { share, lowered: live !== undefined && !atLeast(input.role, live.role) };
  });
  if (lowered) await accessChanges.publish([userPrincipal(target.id)]);
  return share;
}

/** A live share with a person, for someone allowed to manage the flow's sharing; else "not found". */
async function manageableShare(db: Db, actor: SessionUser, shareId: string) {
  const share = await db.flowShare.findFirst({ where: { id: shareId, userId: { not: null }, revokedAt: null }, select: { flowId: true, userId: true, role: true, user: { select: { email: true } } } });
  if (!share) throw new TRPCError({ code: "NOT_FOUND", message: "Share not found" });
  const { workspaceId } = await requireFlowWorkspaceRole(db, actor.id, share.flowId, "editor", SHARING).catch((error: unknown) => {
    throw error instanceof TRPCError && error.code === "NOT_FOUND" ? new TRPCError({ code: "NOT_FOUND", message: "Share not found" }) : error;
  });
  return { ...share, userId: share.userId!, email: share.user?.email ?? "", workspaceId };
}

export async function updateShareRole(db: Db, accessChanges: AccessChanges, actor: SessionUser, input: { shareId: string; role: Role }) {
  const share = await manageableShare(db, actor, input.shareId);
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.flowShare.update({ where: { id: input.shareId }, data: { role: input.role }, select: userShareSelect });
    if (share.role !== input.role) {
      await writeAudit(tx, {
        workspaceId: share.workspaceId,
        actorId: actor.id,
        action: "share.role_changed",
        target: input.shareId,
        details: { flowId: share.flowId, email: share.email, from: share.role, role: input.role },
      });
    }
    return row;
  });
  if (!atLeast(input.role, share.role)) await accessChanges.publish([userPrincipal(share.userId)]);
  return updated;
}

export async function revokeShare(db: Db, accessChanges: AccessChanges, actor: SessionUser, shareId: string) {
  const share = await manageableShare(db, actor, shareId);
  await db.$transaction(async (tx) => {
    const revoked = await tx.flowShare.updateMany({ where: { id: shareId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) throw new TRPCError({ code: "NOT_FOUND", message: "Share not found" });
    await writeAudit(tx, { workspaceId: share.workspaceId, actorId: actor.id, action: "share.revoked", target: shareId, details: { flowId: share.flowId, email: share.email, role: share.role } });
  });
  await accessChanges.publish([userPrincipal(share.userId)]);
  return { id: shareId };
}
