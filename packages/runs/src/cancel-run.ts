import sql from "sql-template-tag";
import { changed, rows, transaction, type SqlPool } from "@switchyard/db";
import { appendRunEvents } from "./append-events";
import type { RunDispatch } from "./run-jobs";

/**
 * Cancels a run. One no worker holds yet ends here and now (atomically, so a worker that claims it
 * a moment later sees it cancelled); a held one is flagged and its worker told to abort it.
 */
export async function cancelRun(pool: SqlPool, dispatch: RunDispatch, runId: string): Promise<"cancelled" | "cancelling" | "finished"> {
  const ended = await transaction(pool, async (tx) => {
    const [run] = await rows<{ lastSeq: number; createdAt: Date }>(
      tx,
      sql`UPDATE "run" SET "cancelRequested" = true WHERE "id" = ${runId} AND "status" = 'queued' AND "leaseOwner" IS NULL
      RETURNING "lastSeq", "createdAt"`,
    );
    if (!run) return false;
    const now = new Date();
    await appendRunEvents(
      tx,
      runId,
      [
        {
          type: "run.cancelled",
          runId,
          seq: run.lastSeq + 1,
          time: now.toISOString(),
          reason: "cancelled before it started",
          outputs: {},
          costUsd: 0,
          tokens: { input: 0, output: 0 },
          latencyMs: now.getTime() - run.createdAt.getTime(),
        },
      ],
      { unclaimed: true },
    );
    return true;
  });
  if (ended) return "cancelled";
  const flagged = await changed(pool, sql`UPDATE "run" SET "cancelRequested" = true WHERE "id" = ${runId} AND "status" IN ('queued', 'running')`);
  if (flagged === 0) return "finished";
  await dispatch.abort([runId]);
  return "cancelling";
}
