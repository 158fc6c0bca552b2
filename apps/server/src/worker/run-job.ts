import { prepareFlow, runFlow, type ModelGateway, type SettledNode } from "@switchyard/core";
import { appendRunEvents } from "@switchyard/api";
import type { Db } from "@switchyard/db";
import { requestedModels, type RunTracing } from "@switchyard/telemetry";
import { EventWriter } from "./event-writer";
import type { RunLease } from "./lease";
import { PgMemoryStore } from "./pg-memory-store";
import { dbSubflows } from "./db-subflows";

export interface RunJobDeps {
  db: Db;
  lease: RunLease;
  gatewayFor(workspaceId: string): Promise<ModelGateway>;
  /** Exports each run as a trace, when a collector is configured. */
  tracing?: RunTracing;
  log(message: string): void;
}

/** How a worker can stop a run it holds: cancel it for good, or hand it back to the queue. */
export interface RunHandle {
  cancel(reason: string): void;
  handBack(): Promise<void>;
}

/**
 * Executes one run on this worker: claims it, resumes from the node results already persisted
 * (completed model calls are not made, or paid for, again), streams events to the database.
 * A run deleted under it (with its workspace) stops as soon as the worker notices: the job is
 * then done, not failed, so nothing retries it.
 */
export async function executeRun(deps: RunJobDeps, runId: string, register: (handle: RunHandle | undefined) => void): Promise<void> {
  try {
    const handedBack = await execute(deps, runId, register);
    if (!handedBack || !(await runIsGone(deps.db, runId))) return;
  } catch (error) {
    if (!(await runIsGone(deps.db, runId))) throw error;
  }
  deps.log(`run ${runId} was deleted with its workspace; stopped`);
}

async function runIsGone(db: Db, runId: string): Promise<boolean> {
  return (await db.run.count({ where: { id: runId } })) === 0;
}

/** Runs the claimed run to its end; true when it was handed back (lost lease, failed write, shutdown). */
async function execute(deps: RunJobDeps, runId: string, register: (handle: RunHandle | undefined) => void): Promise<boolean> {
  const { db, lease } = deps;
  if (!(await lease.claim(runId))) return false;
  const run = await db.run.findUniqueOrThrow({
    where: { id: runId },
    select: { workspaceId: true, createdById: true, apiKeyId: true, inputs: true, seed: true, budgetUsd: true, lastSeq: true, cancelRequested: true, startedAt: true, flowVersion: { select: { document: true } } },
  });
  const results = await db.nodeResult.findMany({ where: { runId }, select: { nodeId: true, result: true } });
  const totals = { outputs: {}, costUsd: 0, tokens: { input: 0, output: 0 }, latencyMs: 0 };
  const fail = async (code: string, message: string) =>
    appendRunEvents(db, runId, [{ type: "run.failed", runId, seq: run.lastSeq + 1, time: new Date().toISOString(), ...totals, error: { code, message } }]);

  if (run.cancelRequested) {
    await appendRunEvents(db, runId, [{ type: "run.cancelled", runId, seq: run.lastSeq + 1, time: new Date().toISOString(), ...totals, reason: "cancelled" }]);
    return false;
  }
  const prepared = prepareFlow(run.flowVersion.document);
  if (!prepared.ok) {
    await fail("invalid_flow", prepared.problems.find((p) => p.severity === "error")?.message ?? "invalid flow");
    return false;
  }

  const resuming = run.lastSeq > 0;
  // The trace and root ids come from the run id: a run resumed here joins the trace its first worker began.
  const trace = deps.tracing?.startRun({
    deterministicIds: true,
    requestedModels: requestedModels(prepared.flow),
    ...(resuming
      ? { resumed: { runId, flowName: prepared.flow.document.name, seed: run.seed, inputs: run.inputs as Record<string, unknown>, startedAt: run.startedAt ?? new Date() } }
      : {}),
  });
  const controller = new AbortController();
  let handedBack = false;
  const writer = new EventWriter(db, runId, (error) => {
    void handBack();
    // A deleted run can't take events: that is executeRun's to report, not a failed write.
    void runIsGone(db, runId)
      .catch(() => false)
      .then((gone) => gone || deps.log(`run ${runId}: could not persist events (${(error as Error).message}); handing the run back`));
  });
  const handBack = async () => {
    if (handedBack) return;
    handedBack = true;
    // What the aborted engine emits from here on is not the run's story: the next worker tells it.
    trace?.abandon();
    await writer.seal();
    controller.abort("handed back");
    await lease.release(runId).catch(() => undefined);
  };
  register({ cancel: (reason) => controller.abort(reason), handBack });
  const renewal = setInterval(() => {
    lease.renew(runId).then(
      (held) => (held ? undefined : handBack()),
      () => undefined,
    );
  }, Math.max(500, lease.leaseMs / 3));

  try {
    const resumed = Object.fromEntries(results.map((r) => [r.nodeId, r.result as unknown as SettledNode]));
    await runFlow(prepared.flow, {
      gateway: await deps.gatewayFor(run.workspaceId),
      inputs: run.inputs as Record<string, unknown>,
      seed: run.seed,
      runId,
      signal: controller.signal,
      onEvent: (event) => {
        writer.push(event);
        trace?.record(event);
      },
      memory: new PgMemoryStore(db, run.workspaceId),
      subflows: dbSubflows(db, { workspaceId: run.workspaceId, createdById: run.createdById, apiKeyId: run.apiKeyId }),
      ...(run.budgetUsd !== null ? { budgetUsd: run.budgetUsd } : {}),
      ...(resuming ? { resume: { nodes: resumed, nextSeq: run.lastSeq + 1, ...(run.startedAt ? { startedAt: run.startedAt.getTime() } : {}) } } : {}),
    });
    if (!handedBack) await writer.close();
    return handedBack;
  } finally {
    clearInterval(renewal);
    register(undefined);
  }
}
