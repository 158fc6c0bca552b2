import type { RunError } from "@switchyard/core";
import sql from "sql-template-tag";
import { rows, type SqlClient } from "@switchyard/db";
import { appendRunEvents } from "./append-events";
import type { Fence } from "./fence";

/**
 * Ends a run as failed with `error` for whoever `fence` says holds it: its last event, with totals
 * summed from the node results it had settled. The reaper gives up on a run this way (inside the
 * transaction that took it from its dead worker), and so does a worker whose run cannot go on.
 */
export async function endRunAsFailed(client: SqlClient, runId: string, error: RunError, fence: Fence): Promise<void> {
  const [run] = await rows<{ lastSeq: number; startedAt: Date | null; createdAt: Date; costUsd: number; inputTokens: number; outputTokens: number }>(
    client,
    sql`SELECT r."lastSeq", r."startedAt", r."createdAt",
      coalesce(sum(n."costUsd"), 0)::float8 AS "costUsd",
      coalesce(sum(n."inputTokens"), 0)::int AS "inputTokens",
      coalesce(sum(n."outputTokens"), 0)::int AS "outputTokens"
    FROM "run" r LEFT JOIN "node_result" n ON n."runId" = r."id"
    WHERE r."id" = ${runId}
    GROUP BY r."id"`,
  );
  if (!run) return;
  const now = new Date();
  await appendRunEvents(
    client,
    runId,
    [
      {
        type: "run.failed",
        runId,
        seq: run.lastSeq + 1,
        time: now.toISOString(),
        outputs: {},
        costUsd: run.costUsd,
        tokens: { input: run.inputTokens, output: run.outputTokens },
        latencyMs: now.getTime() - (run.startedAt ?? run.createdAt).getTime(),
        error,
      },
    ],
    fence,
  );
}
