import { isTerminalEvent, type RunEvent } from "@switchyard/core";
import sql from "sql-template-tag";
import { rows, type SqlClient } from "@switchyard/db";
import { fenceCondition, LeaseLostError, type Fence } from "./fence";
import { nodeResultRow, type NodeResultRow } from "./node-result-row";
import { storableJson } from "./storable-json";
import { RUN_EVENTS_CHANNEL } from "./channels";


/**
 * Appends a batch of events (strictly increasing seq) with the node results they settle and the
 * run's totals when the batch ends it — if and only if `fence` still holds the run. One SQL
 * statement (data-modifying CTEs) that locks the run row first: the batch is atomic, costs one
 * round trip, and a writer whose lease was taken over gets `LeaseLostError` and writes nothing.
 * Listeners are told on commit.
 */
export async function appendRunEvents(client: SqlClient, runId: string, events: readonly RunEvent[], fence: Fence): Promise<void> {
  if (events.length === 0) return;
  const eventRows = events.map((e) => ({ seq: e.seq, type: e.type, nodeId: "nodeId" in e ? e.nodeId : null, payload: e }));
  const results = new Map<string, NodeResultRow>();
  for (const event of events) {
    const row = nodeResultRow(event);
    if (row) results.set(row.nodeId, row); // a node settles once; the map guards ON CONFLICT anyway
  }
  const last = events[events.length - 1]!;
  const end = terminalFields(last);
  const written = await rows<{ fenced: number }>(
    client,
    sql`
    WITH fence AS (
      SELECT "id" FROM "run" WHERE "id" = ${runId} AND ${fenceCondition(fence)} FOR UPDATE
    ), ev AS (
      INSERT INTO "run_event" ("runId", "seq", "type", "nodeId", "payload")
      SELECT ${runId}, x.seq, x.type, x."nodeId", x.payload
      FROM jsonb_to_recordset(${storableJson(eventRows)}::jsonb) AS x(seq int, type text, "nodeId" text, payload jsonb)
      WHERE EXISTS (SELECT 1 FROM fence)
      RETURNING 1
    ), nr AS (
      INSERT INTO "node_result" ("runId", "nodeId", "status", "result", "costUsd", "inputTokens", "outputTokens", "latencyMs", "model", "attempts")
      SELECT ${runId}, y."nodeId", y.status, y.result, y."costUsd", y."inputTokens", y."outputTokens", y."latencyMs", y.model, y.attempts
      FROM jsonb_to_recordset(${storableJson([...results.values()])}::jsonb)
        AS y("nodeId" text, status text, result jsonb, "costUsd" float8, "inputTokens" int, "outputTokens" int, "latencyMs" int, model text, attempts int)
      WHERE EXISTS (SELECT 1 FROM fence)
      ON CONFLICT ("runId", "nodeId") DO UPDATE SET
        "status" = EXCLUDED."status", "result" = EXCLUDED."result", "costUsd" = EXCLUDED."costUsd",
        "inputTokens" = EXCLUDED."inputTokens", "outputTokens" = EXCLUDED."outputTokens",
        "latencyMs" = EXCLUDED."latencyMs", "model" = EXCLUDED."model", "attempts" = EXCLUDED."attempts"
      RETURNING 1
    ), up AS (
      UPDATE "run" SET
        "lastSeq" = ${last.seq},
        "status" = COALESCE(${end?.status ?? null}::run_status, "status"),
        "outputs" = CASE WHEN ${end !== undefined} THEN ${end ? storableJson(end.outputs) : null}::jsonb ELSE "outputs" END,
        "error" = CASE WHEN ${end !== undefined} THEN ${end?.error ? storableJson(end.error) : null}::jsonb ELSE "error" END,
        "costUsd" = COALESCE(${end?.costUsd ?? null}::float8, "costUsd"),
        "inputTokens" = COALESCE(${end?.inputTokens ?? null}::int, "inputTokens"),
        "outputTokens" = COALESCE(${end?.outputTokens ?? null}::int, "outputTokens"),
        "latencyMs" = COALESCE(${end?.latencyMs ?? null}::int, "latencyMs"),
        "finishedAt" = COALESCE(${end?.finishedAt ?? null}::timestamp(3), "finishedAt"),
        "leaseOwner" = CASE WHEN ${end !== undefined} THEN NULL ELSE "leaseOwner" END,
        "leaseExpiresAt" = CASE WHEN ${end !== undefined} THEN NULL ELSE "leaseExpiresAt" END
      WHERE "id" = (SELECT "id" FROM fence)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM fence)::int AS fenced,
      CASE WHEN EXISTS (SELECT 1 FROM fence) THEN pg_notify(${RUN_EVENTS_CHANNEL}, ${runEventsNotice(runId, last)})::text END AS notified,
      (SELECT count(*) FROM ev)::int AS events, (SELECT count(*) FROM nr)::int AS results, (SELECT count(*) FROM up)::int AS runs`,
  );
  if (written[0]?.fenced !== 1) throw new LeaseLostError(runId);
}

/** Postgres refuses NOTIFY payloads of 8000 bytes and more; a terminal event rides along below this. */
const NOTICE_EVENT_BYTES = 7000;

/**
 * What a NOTIFY says about a batch: the run, its last seq, and whether the run has ended — with
 * the terminal event itself when it is small — so a reader that only waits for the end (REST
 * `?wait=true`) reads nothing at all, or nothing until the run has ended.
 */
export function runEventsNotice(runId: string, last: RunEvent): string {
  if (!isTerminalEvent(last)) return `${runId} ${last.seq}`;
  const json = storableJson(last);
  return json.length < NOTICE_EVENT_BYTES && Buffer.byteLength(json) < NOTICE_EVENT_BYTES ? `${runId} ${last.seq} end ${json}` : `${runId} ${last.seq} end`;
}

/** The notice's parts; a bare run id (older writers) is a batch of unknown end. */
export function parseRunEventsNotice(payload: string): { runId: string; seq: number; ended: boolean; end?: RunEvent } {
  const [runId = "", seq, ended, ...rest] = payload.split(" ");
  const json = rest.join(" ");
  return { runId, seq: Number(seq ?? 0), ended: ended === "end", ...(json ? { end: JSON.parse(json) as RunEvent } : {}) };
}

/** What a terminal event writes onto the run row. */
function terminalFields(event: RunEvent) {
  if (!isTerminalEvent(event)) return undefined;
  return {
    status: event.type === "run.completed" ? "completed" : event.type === "run.failed" ? "failed" : "cancelled",
    outputs: event.outputs,
    error: event.type === "run.failed" ? event.error : undefined,
    costUsd: event.costUsd,
    inputTokens: event.tokens.input,
    outputTokens: event.tokens.output,
    latencyMs: Math.round(event.latencyMs),
    finishedAt: event.time.replace("T", " ").replace("Z", ""),
  };
}
