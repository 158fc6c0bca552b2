import type { Db } from "@switchyard/db";

/** Every user has a personal workspace; idempotent, so it can heal a sign-up interrupted midway. */
export async function ensurePersonalWorkspace(db: Db, userId: string, name: string): Promise<string> {
  const existing = await db.membership.findFirst({ where: { userId, workspace: { personal: true } }, select: { workspaceId: true } });
  if (existing) return existing.workspaceId;
  const workspace = await db.workspace.create({
    data: { name: `${name || "My"}'s workspace`, personal: true, memberships: { create: { userId, role: "owner" } } },
    select: { id: true },
  });
  return workspace.id;
}
