import type { SubflowLoader } from "@switchyard/core";
import type { Db } from "@switchyard/db";

/** Subflows on the server are saved flows of the same workspace, by id, at their latest version. */
export function dbSubflows(db: Db, workspaceId: string): SubflowLoader {
  return {
    async load(ref) {
      const flow = await db.flow.findFirst({ where: { id: ref, workspaceId, deletedAt: null }, select: { id: true, latestVersion: true } });
      if (!flow) throw new Error(`subflow '${ref}' is not a flow of this workspace`);
      const version = await db.flowVersion.findUniqueOrThrow({ where: { flowId_version: { flowId: flow.id, version: flow.latestVersion } }, select: { document: true } });
      return { document: version.document };
    },
  };
}
