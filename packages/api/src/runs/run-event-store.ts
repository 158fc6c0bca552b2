import type { RunEvent, SettledNode } from "@switchyard/core";
import type { Db, Prisma } from "@switchyard/db";

/** The channel that announces new run events; the payload is the run id. */
export const RUN_EVENTS_CHANNEL = "switchyard_run_events";

type Tx = Prisma.TransactionClient;

/** What a node's terminal event says about it, as persisted for resume and inspection. */
function settledFrom(event: RunEvent): SettledNode | undefined {
  switch (event.type) {
    case "node.completed": {
      const { output, usage, costUsd, latencyMs, confidence } = event;
      const port = typeof output.decision === "string" ? output.decision : typeof output.route === "string" ? output.route : undefined;
      return { status: "completed", output, usage, costUsd, latencyMs, ...(confidence !== undefined ? { confidence } : {}), ...(port ? { port } : {}) };
    }
    case "node.failed":
      return { status: "failed", error: event.error, usage: event.usage, costUsd: event.costUsd, latencyMs: event.latencyMs };
    case "node.skipped":
      return { status: "skipped", reason: event.reason };
    default:
      return undefined;
  }
}

/**
 * Appends a batch of events (strictly increasing seq) with the node results they settle and the
 * run's totals when the batch ends it. One SQL statement (data-modifying CTEs), so the batch is
 * atomic and costs one round trip; listeners are told on commit.
 */
export async function appendRunEvents(db: Db | Tx, runId: string, events: readonly RunEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({ seq: e.seq, type: e.type, nodeId: "nodeId" in e ? e.nodeId : null, payload: e }));
  const results = new Map<string, NodeResultRow>();
  for (const event of events) {
    const row = nodeResultRow(event);
    if (row) results.set(row.nodeId, row); // a node settles once; the map guards ON CONFLICT anyway
  }
  const last = events[events.length - 1]!;
  const end = terminalFields(last);
  await db.$queryRaw`
    WITH ev AS (
      INSERT INTO "run_event" ("runId", "seq", "type", "nodeId", "payload")
      SELECT ${runId}, x.seq, x.type, x."nodeId", x.payload
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(seq int, type text, "nodeId" text, payload jsonb)
      RETURNING 1
    ), nr AS (
      INSERT INTO "node_result" ("runId", "nodeId", "status", "result", "costUsd", "inputTokens", "outputTokens", "latencyMs", "model", "attempts")
      SELECT ${runId}, y."nodeId", y.status, y.result, y."costUsd", y."inputTokens", y."outputTokens", y."latencyMs", y.model, y.attempts
      FROM jsonb_to_recordset(${JSON.stringify([...results.values()])}::jsonb)
        AS y("nodeId" text, status text, result jsonb, "costUsd" float8, "inputTokens" int, "outputTokens" int, "latencyMs" int, model text, attempts int)
      ON CONFLICT ("runId", "nodeId") DO UPDATE SET
        "status" = EXCLUDED."status", "result" = EXCLUDED."result", "costUsd" = EXCLUDED."costUsd",
        "inputTokens" = EXCLUDED."inputTokens", "outputTokens" = EXCLUDED."outputTokens",
        "latencyMs" = EXCLUDED."latencyMs", "model" = EXCLUDED."model", "attempts" = EXCLUDED."attempts"
      RETURNING 1
    ), up AS (
      UPDATE "run" SET
        "lastSeq" = ${last.seq},
        "status" = COALESCE(${end?.status ?? null}::run_status, "status"),
        "outputs" = CASE WHEN ${end !== undefined} THEN ${end ? JSON.stringify(end.outputs) : null}::jsonb ELSE "outputs" END,
        "error" = CASE WHEN ${end !== undefined} THEN ${end?.error ? JSON.stringify(end.error) : null}::jsonb ELSE "error" END,
        "costUsd" = COALESCE(${end?.costUsd ?? null}::float8, "costUsd"),
        "inputTokens" = COALESCE(${end?.inputTokens ?? null}::int, "inputTokens"),
        "outputTokens" = COALESCE(${end?.outputTokens ?? null}::int, "outputTokens"),
        "latencyMs" = COALESCE(${end?.latencyMs ?? null}::int, "latencyMs"),
        "finishedAt" = COALESCE(${end?.finishedAt ?? null}::timestamp(3), "finishedAt"),
        "leaseOwner" = CASE WHEN ${end !== undefined} THEN NULL ELSE "leaseOwner" END,
        "leaseExpiresAt" = CASE WHEN ${end !== undefined} THEN NULL ELSE "leaseExpiresAt" END
      WHERE "id" = ${runId}
      RETURNING 1
    )
    SELECT pg_notify(${RUN_EVENTS_CHANNEL}, ${runId})::text AS notified, (SELECT count(*) FROM ev)::int AS events, (SELECT count(*) FROM nr)::int AS results, (SELECT count(*) FROM up)::int AS runs`;
}

interface NodeResultRow {
  nodeId: string;
  status: SettledNode["status"];
  result: SettledNode;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number | null;
  model: string | null;
  attempts: number | null;
}

function nodeResultRow(event: RunEvent): NodeResultRow | undefined {
  const settled = settledFrom(event);
  if (!settled || !("nodeId" in event)) return undefined;
  const usage = settled.status === "skipped" ? { input: 0, output: 0 } : settled.usage;
  return {
    nodeId: event.nodeId,
    status: settled.status,
    result: settled,
    costUsd: settled.status === "skipped" ? 0 : settled.costUsd,
    inputTokens: usage.input,
    outputTokens: usage.output,
    latencyMs: settled.status === "skipped" ? null : Math.round(settled.latencyMs),
    model: event.type === "node.completed" || event.type === "node.failed" ? (event.model ?? null) : null,
    attempts: event.type === "node.completed" || event.type === "node.failed" ? (event.attempts ?? null) : null,
  };
}

/** What a terminal event writes onto the run row. */
function terminalFields(event: RunEvent) {
  if (event.type !== "run.completed" && event.type !== "run.failed" && event.type !== "run.cancelled") return undefined;
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

/** Events of a run after `afterSeq`, in order. */
export async function readRunEvents(db: Db, runId: string, afterSeq: number, limit = 1000): Promise<RunEvent[]> {
  const rows = await db.runEvent.findMany({ where: { runId, seq: { gt: afterSeq } }, select: { payload: true }, orderBy: { seq: "asc" }, take: limit });
  // JSONB does not keep key order; put the common fields first again, as the engine emitted them.
  return rows.map((r) => {
    const { type, runId: id, seq, time, ...rest } = r.payload as unknown as RunEvent;
    return { type, runId: id, seq, time, ...rest } as RunEvent;
  });
}
