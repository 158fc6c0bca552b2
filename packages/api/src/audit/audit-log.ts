import type { Prisma } from "@switchyard/db";

/** Everything the audit log records. Owners read it through `workspaces.audit`. */
export type AuditAction =
  | "workspace.created"
  | "workspace.renamed"
  | "invitation.created"
  | "invitation.revoked"
  | "invitation.accepted"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "share.created"
  | "share.role_changed"
  | "share.revoked"
  | "link.created"
  | "link.revoked"
  | "api_key.created"
  | "api_key.revoked"
  | "api_key.narrowed"
  | "credential.set"
  | "credential.deleted"
  | "flow.forked";

/** Plain facts only: names, roles, ids, emails. Never a token, key, hash or ciphertext. */
export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  workspaceId: string;
  actorId: string;
  action: AuditAction;
  /** The id of what changed (a user, share, key, invitation, flow). */
  target?: string;
  details?: AuditDetails;
}

/** Writes an audit entry; pass the transaction of the change, so both land or neither does. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      workspaceId: entry.workspaceId,
      actorId: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      ...(entry.details ? { details: entry.details } : {}),
    },
    select: { id: true },
  });
}
