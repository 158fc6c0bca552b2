import type { Prisma } from "@switchyard/db";
import { rolesAbove, type Role } from "../access";
import { writeAudit } from "../audit/audit-log";

type Tx = Prisma.TransactionClient;

/** Whose keys, changed by whom: a member leaving, removed, or given a lower role. */
interface MemberKeys {
  workspaceId: string;
  /** The member who created the keys. */
  userId: string;
  actorId: string;
}

/**
 * Revokes the live API keys a member created in a workspace, in the transaction that removes
 * them, with an audit entry per key. Returns the keys' ids, so their open streams can be ended.
 */
export async function revokeMemberKeys(tx: Tx, who: MemberKeys, reason: "member.removed" | "member.left"): Promise<string[]> {
  const keys = await tx.apiKey.findMany({ where: { workspaceId: who.workspaceId, createdById: who.userId, revokedAt: null }, select: { id: true, name: true, prefix: true, role: true } });
  if (keys.length === 0) return [];
  await tx.apiKey.updateMany({ where: { id: { in: keys.map((k) => k.id) } }, data: { revokedAt: new Date() } });
  for (const key of keys) {
    await writeAudit(tx, { workspaceId: who.workspaceId, actorId: who.actorId, action: "api_key.revoked", target: key.id, details: { name: key.name, prefix: key.prefix, role: key.role, reason } });
  }
  return keys.map((k) => k.id);
}

/** Lowers a member's live keys to their new role (a key never grants more than its creator holds). Returns the keys' ids. */
export async function narrowMemberKeys(tx: Tx, who: MemberKeys, role: Role): Promise<string[]> {
  const keys = await tx.apiKey.findMany({
    where: { workspaceId: who.workspaceId, createdById: who.userId, revokedAt: null, role: { in: rolesAbove(role) } },
    select: { id: true, name: true, prefix: true, role: true },
  });
  if (keys.length === 0) return [];
  await tx.apiKey.updateMany({ where: { id: { in: keys.map((k) => k.id) } }, data: { role } });
  for (const key of keys) {
    await writeAudit(tx, { workspaceId: who.workspaceId, actorId: who.actorId, action: "api_key.narrowed", target: key.id, details: { name: key.name, prefix: key.prefix, from: key.role, to: role } });
  }
  return keys.map((k) => k.id);
}
