import { TRPCError } from "@trpc/server";
import type { Db } from "@switchyard/db";
import { atLeast, flowAccess, type FlowAccess, type Role } from "./access-rules";

export { atLeast, flowAccess, highestRole, lowerRole, rolesAbove, type FlowAccess, type Role } from "./access-rules";

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
export async function requireFlowRole(db: Db, userId: string, flowId: string, needed: Role): Promise<FlowAccess> {
  const access = await flowAccess(db, userId, flowId);
  if (!access) throw notFound("Flow");
  if (!atLeast(access.role, needed)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `You can view this flow but not change it (${needed} role needed; you are ${withArticle(access.role)}).` });
  }
  return access;
}

/**
 * Sharing, deleting and other decisions about a flow belong to its workspace: editors and owners
 * there, not people a flow was shared with. Those who cannot see the flow get "not found".
 */
export async function requireFlowWorkspaceRole(db: Db, userId: string, flowId: string, needed: Role, action: string): Promise<FlowAccess> {
  const access = await requireFlowRole(db, userId, flowId, "viewer");
  if (!access.workspaceRole || !atLeast(access.workspaceRole, needed)) {
    const who = needed === "owner" ? "owners" : "editors and owners";
    const you = access.workspaceRole ? `you are ${withArticle(access.workspaceRole)} there` : "it was shared with you";
    throw new TRPCError({ code: "FORBIDDEN", message: `Only ${who} of this flow's workspace can ${action}; ${you}.` });
  }
  return access;
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
