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
 * run's totals when the batch ends it, in one transaction; listeners are told on commit.
 */
export async function appendRunEvents(db: Db | Tx, runId: string, events: readonly RunEvent[]): Promise<void> {
  if (events.length === 0) return;
  const write = async (tx: Tx) => {
    await tx.runEvent.createMany({
      data: events.map((e) => ({ runId, seq: e.seq, type: e.type, nodeId: "nodeId" in e ? e.nodeId : null, payload: e as unknown as Prisma.InputJsonValue })),
    });
    for (const event of events) {
      const settled = "nodeId" in event ? settledFrom(event) : undefined;
      if (!settled || !("nodeId" in event)) continue;
      const usage = settled.status === "skipped" ? { input: 0, output: 0 } : settled.usage;
      const row = {
        status: settled.status,
        result: settled as unknown as Prisma.InputJsonValue,
        costUsd: settled.status === "skipped" ? 0 : settled.costUsd,
        inputTokens: usage.input,
        outputTokens: usage.output,
        latencyMs: settled.status === "skipped" ? null : Math.round(settled.latencyMs),
        model: event.type === "node.completed" ? (event.model ?? null) : null,
        attempts: event.type === "node.completed" || event.type === "node.failed" ? (event.attempts ?? null) : null,
      };
      await tx.nodeResult.upsert({ where: { runId_nodeId: { runId, nodeId: event.nodeId } }, create: { runId, nodeId: event.nodeId, ...row }, update: row });
    }
    const last = events[events.length - 1]!;
    await tx.run.update({ where: { id: runId }, data: { lastSeq: last.seq, ...terminalUpdate(last) } });
    await tx.$executeRaw`SELECT pg_notify(${RUN_EVENTS_CHANNEL}, ${runId})`;
  };
  if ("$transaction" in db) await db.$transaction(write);
  else await write(db);
}

function terminalUpdate(event: RunEvent): Prisma.RunUpdateInput {
  if (event.type !== "run.completed" && event.type !== "run.failed" && event.type !== "run.cancelled") return {};
  const status = event.type === "run.completed" ? "completed" : event.type === "run.failed" ? "failed" : "cancelled";
  return {
    status,
    outputs: event.outputs as Prisma.InputJsonValue,
    costUsd: event.costUsd,
    inputTokens: event.tokens.input,
    outputTokens: event.tokens.output,
    latencyMs: Math.round(event.latencyMs),
    finishedAt: new Date(event.time),
    leaseOwner: null,
    leaseExpiresAt: null,
    ...(event.type === "run.failed" ? { error: event.error as unknown as Prisma.InputJsonValue } : {}),
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
