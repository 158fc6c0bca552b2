import type { RunEvent, SettledNode } from "@switchyard/core";
import sql from "sql-template-tag";
import { rows, type SqlClient } from "@switchyard/db";

export interface ReadEventsOptions {
  /** Most events returned. */
  limit?: number;
  /**
   * Most payload bytes returned (at least one event is, whatever its size): a reader of a run
   * with long streamed replies pages through it instead of getting one huge answer.
   */
  maxBytes?: number;
}

/** JSONB does not keep key order; put the common fields first again, as the engine emitted them. */
function ordered(payload: unknown): RunEvent {
  const { type, runId, seq, time, ...rest } = payload as RunEvent;
  return { type, runId, seq, time, ...rest } as RunEvent;
}

/** Events of a run after `afterSeq`, in order. */
export async function readRunEvents(client: SqlClient, runId: string, afterSeq: number, options: ReadEventsOptions = {}): Promise<RunEvent[]> {
  const limit = options.limit ?? 1000;
  const found =
    options.maxBytes === undefined
      ? await rows<{ payload: unknown }>(client, sql`SELECT "payload" FROM "run_event" WHERE "runId" = ${runId} AND "seq" > ${afterSeq} ORDER BY "seq" LIMIT ${limit}`)
      : await rows<{ payload: unknown }>(
          client,
          sql`SELECT "payload" FROM (
            SELECT "payload", "seq", sum(octet_length("payload"::text)) OVER (ORDER BY "seq") AS "upTo", octet_length("payload"::text) AS "size"
            FROM "run_event" WHERE "runId" = ${runId} AND "seq" > ${afterSeq} ORDER BY "seq" LIMIT ${limit}
          ) page
          WHERE "upTo" - "size" < ${options.maxBytes}
          ORDER BY "seq"`,
        );
  return found.map((r) => ordered(r.payload));
}

/** The run's terminal event, once it has ended. */
export async function readEndEvent(client: SqlClient, runId: string): Promise<RunEvent | undefined> {
  const [found] = await rows<{ payload: unknown }>(
    client,
    sql`SELECT "payload" FROM "run_event" WHERE "runId" = ${runId} AND "type" IN ('run.completed', 'run.failed', 'run.cancelled') ORDER BY "seq" DESC LIMIT 1`,
  );
  return found ? ordered(found.payload) : undefined;
}

/** Whether the run has ended (its terminal event is stored). */
export async function runHasEnded(client: SqlClient, runId: string): Promise<boolean> {
  const [run] = await rows<{ status: string }>(client, sql`SELECT "status"::text FROM "run" WHERE "id" = ${runId}`);
  return run !== undefined && (run.status === "completed" || run.status === "failed" || run.status === "cancelled");
}

/** The nodes a run had settled before (what a resumed run starts from). */
export async function settledNodes(client: SqlClient, runId: string): Promise<Record<string, SettledNode>> {
  const found = await rows<{ nodeId: string; result: SettledNode }>(client, sql`SELECT "nodeId", "result" FROM "node_result" WHERE "runId" = ${runId}`);
  return Object.fromEntries(found.map((r) => [r.nodeId, r.result]));
}
