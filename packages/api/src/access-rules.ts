import type { Db } from "@switchyard/db";

/**
 * Who may do what, as plain functions of roles and rows: no tRPC here, so a worker can ask the
 * same questions the routers ask (see access.ts for the errors the routers throw).
 */

export type Role = "owner" | "editor" | "viewer";

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

export function atLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** The lower of two roles: what a grant is worth when both must allow it. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

/** The roles ranked above `role`, highest first. */
export function rolesAbove(role: Role): Role[] {
  return (Object.keys(RANK) as Role[]).filter((r) => RANK[r] > RANK[role]).sort((a, b) => RANK[b] - RANK[a]);
}

/** The highest of some roles, or undefined for none. */
export function highestRole(roles: readonly Role[]): Role | undefined {
  return roles.reduce<Role | undefined>((best, r) => (best === undefined || RANK[r] > RANK[best] ? r : best), undefined);
}

/** How a user reaches a flow: their role in its workspace (if a member) and any share to them. */
export interface FlowAccess {
  /** The higher of the two: what the user may do with the flow. */
  role: Role;
  workspaceId: string;
  /** Null when the flow reaches the user only through a share. */
  workspaceRole: Role | null;
}

/** The user's access to a live flow, or undefined when they cannot see it at all. */
export async function flowAccess(db: Db, userId: string, flowId: string): Promise<FlowAccess | undefined> {
  const flow = await db.flow.findFirst({
    where: { id: flowId, deletedAt: null },
    select: {
      workspaceId: true,
      workspace: { select: { memberships: { where: { userId }, select: { role: true } } } },
      shares: { where: { userId, revokedAt: null }, select: { role: true } },
    },
  });
  if (!flow) return undefined;
  const workspaceRole = flow.workspace.memberships[0]?.role ?? null;
  const role = highestRole([...(workspaceRole ? [workspaceRole] : []), ...flow.shares.map((s) => s.role)]);
  return role ? { role, workspaceId: flow.workspaceId, workspaceRole } : undefined;
}
