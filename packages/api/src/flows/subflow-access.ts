import type { FlowDocument } from "@switchyard/core";
import type { Db } from "@switchyard/db";
import { flowAccess } from "../access-rules";
import { apiKeyGrant } from "../auth/api-keys";

/**
 * A subflow runs only what the person (or key) starting the run may read: checked when a flow is
 * saved (against the saver) and again for every subflow, at every depth, when a run loads it
 * (against the run's starter). A flow that is missing and one that is hidden read the same.
 * No tRPC here: the worker thread loads this (the save-time check is in subflow-save.ts).
 */

/** Who started a run, as the worker knows it from the run's row. */
export interface RunStarter {
  /** The run's workspace: subflows are flows of the same workspace. */
  workspaceId: string;
  /** The user who started it (tRPC), if a person did. */
  createdById: string | null;
  /** The API key that started it (REST), if a program did. */
  apiKeyId: string | null;
}

/** The subflow nodes of a document and the flow each names. */
export function subflowRefs(document: FlowDocument): { nodeId: string; flow: string }[] {
  return document.nodes.flatMap((node) => (node.type === "subflow" && typeof node.data?.["flow"] === "string" ? [{ nodeId: node.id, flow: node.data["flow"] }] : []));
}

/** May the run's starter read `flowId`, a flow of the run's workspace? Users by their flow access, keys by their workspace while live. */
async function starterMayRead(db: Db, starter: RunStarter, flowId: string): Promise<boolean> {
  if (starter.createdById) return (await flowAccess(db, starter.createdById, flowId)) !== undefined;
  if (starter.apiKeyId) return (await apiKeyGrant(db, starter.apiKeyId))?.workspaceId === starter.workspaceId;
  return false; // the person who started it is gone (deleted user): nobody vouches for the subflow
}

/** The flow `ref` names, if it is one of the starter's workspace that the starter may read. */
export async function runnableSubflow(db: Db, starter: RunStarter, ref: string): Promise<{ id: string; latestVersion: number } | undefined> {
  const flow = await db.flow.findFirst({ where: { id: ref, workspaceId: starter.workspaceId, deletedAt: null }, select: { id: true, latestVersion: true } });
  return flow && (await starterMayRead(db, starter, flow.id)) ? flow : undefined;
}

/**
 * The latest document of the subflow `ref` for a run, or an Error saying it may not run. The
 * worker's subflow loader calls this for each subflow it loads, nested ones included.
 */
export async function subflowForRun(db: Db, starter: RunStarter, ref: string): Promise<{ document: unknown }> {
  const flow = await runnableSubflow(db, starter, ref);
  if (!flow) throw new Error(`subflow '${ref}' is not a flow of this workspace that whoever started the run may read`);
  const version = await db.flowVersion.findUniqueOrThrow({ where: { flowId_version: { flowId: flow.id, version: flow.latestVersion } }, select: { document: true } });
  return { document: version.document };
}
