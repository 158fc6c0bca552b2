import type { Db } from "@switchyard/db";
import { writeAudit } from "../audit/audit-log";
import type { SessionUser } from "../context";
import { lockWorkspace } from "./lock-workspace";

/** Renames a workspace (owners only, checked by the caller); personal ones too. */
export async function renameWorkspace(db: Db, actor: SessionUser, input: { workspaceId: string; name: string }) {
  return db.$transaction(async (tx) => {
    const before = await lockWorkspace(tx, input.workspaceId);
    // The same name again changes nothing, so it leaves no audit entry either.
    if (before.name === input.name) return { id: input.workspaceId, name: input.name };
    await tx.workspace.update({ where: { id: input.workspaceId }, data: { name: input.name }, select: { id: true } });
    await writeAudit(tx, { workspaceId: input.workspaceId, actorId: actor.id, action: "workspace.renamed", target: input.workspaceId, details: { from: before.name, to: input.name } });
    return { id: input.workspaceId, name: input.name };
  });
}
