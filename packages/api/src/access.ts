import { TRPCError } from "@trpc/server";
import type { Db } from "@switchyard/db";

export type Role = "owner" | "editor" | "viewer";

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

export function atLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

// "an editor", "an owner", "a viewer": the messages are sentences a person reads.
function withArticle(role: Role): string {
  return `${role === "viewer" ? "a" : "an"} ${role}`;
}

/** Not found and forbidden look the same from outside, so ids of others' things leak nothing. */
function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });
}

/** The user's role in a workspace, or a NOT_FOUND/FORBIDDEN error. */
export async function requireWorkspaceRole(db: Db, userId: string, workspaceId: string, needed: Role): Promise<Role> {
  const membership = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
  if (!membership) throw notFound("Workspace");
  if (!atLeast(membership.role, needed)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${needed} role in this workspace; you are ${withArticle(membership.role)}.` });
  }
  return membership.role;
}

/**
 * The user's effective role on a flow: their workspace role, or a share to them, whichever is
 * higher. Deleted flows and flows they cannot see are "not found".
 */
export async function requireFlowRole(db: Db, userId: string, flowId: string, needed: Role): Promise<{ role: Role; workspaceId: string }> {
  const flow = await db.flow.findFirst({
    where: { id: flowId, deletedAt: null },
    select: {
      workspaceId: true,
      workspace: { select: { memberships: { where: { userId }, select: { role: true } } } },
      shares: { where: { userId, revokedAt: null }, select: { role: true } },
    },
  });
  if (!flow) throw notFound("Flow");
  const roles = [...flow.workspace.memberships.map((m) => m.role), ...flow.shares.map((s) => s.role)];
  if (roles.length === 0) throw notFound("Flow");
  const role = roles.reduce((best, r) => (RANK[r] > RANK[best] ? r : best));
  if (!atLeast(role, needed)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `You can view this flow but not change it (${needed} role needed; you are ${withArticle(role)}).` });
  }
  return { role, workspaceId: flow.workspaceId };
}

/** A run is visible to whoever can see its flow. */
export async function requireRunRole(db: Db, userId: string, runId: string, needed: Role): Promise<{ role: Role; flowId: string; workspaceId: string }> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { flowId: true } });
  if (!run) throw notFound("Run");
  try {
    const { role, workspaceId } = await requireFlowRole(db, userId, run.flowId, needed);
    return { role, flowId: run.flowId, workspaceId };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") throw notFound("Run");
    throw error;
  }
}
