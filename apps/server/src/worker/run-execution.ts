import { runFlow, type ModelGateway, type RunLimits } from "@switchyard/core";
import type { Db } from "@switchyard/db";
import { LeaseLostError, type ClaimedRun, type FlowVersions, type Lease, type RunLifecycle } from "@switchyard/runs";
import { requestedModels, type RunTrace, type RunTracing } from "@switchyard/telemetry";
import { EventWriter } from "./event-writer";
import { PgMemoryStore } from "./pg-memory-store";
import { dbSubflows } from "./db-subflows";
import { writeFailure } from "./write-failure";

export interface ExecutionDeps {
  lifecycle: RunLifecycle;
  /** Saved flow versions, compiled once per process. */
  flowVersions: FlowVersions;
  /** For memory nodes and subflows (rare paths, through Prisma). */
  db: Db;
  gatewayFor(workspaceId: string): Promise<ModelGateway>;
  /** Exports each run as a trace, when a collector is configured. */
  tracing?: RunTracing;
  /** The server's ceilings on what one model call and one node output may hold. */
  limits?: RunLimits;
  log(message: string): void;
}

/** How the worker stops a run it executes. */
export interface ExecutionHandle {
  /** A user cancelled it: the engine aborts and the run ends as cancelled. */
  cancel(reason: string): void;
  /** This worker is shutting down: the run goes back to the queue, nothing is lost. */
  handBack(): Promise<void>;
  /** Another worker holds the run now: stop at once and write nothing more. */
  lost(): void;
}

/**
 * Executes one claimed run on this worker: resumes from the node results already stored (finished
 * model calls are not made, or paid for, again) and streams events to the database under the
 * lease. Whatever happens, the run is left in a state the lifecycle can carry on from: finished,
 * handed back (queued again or given up), or held by another worker that fenced this one out.
 */
export async function executeRun(deps: ExecutionDeps, claimed: { lease: Lease; run: ClaimedRun }, register: (handle: ExecutionHandle | undefined) => void): Promise<void> {
  const { lease, run } = claimed;
  const { lifecycle, log } = deps;
  const { runId } = lease;
  const controller = new AbortController();
  // Set once the engine runs; until then a stop only needs the lease given back.
  let writer: EventWriter | undefined;
  let trace: RunTrace | undefined;
  let stopped = false;
  /** Stops the engine and the writer once; what it emits from here on is not the run's story. */
  const stop = async (reason: string) => {
    if (stopped) return false;
    stopped = true;
    trace?.abandon();
    await writer?.seal();
    controller.abort(reason);
    return true;
  };
  register({
    cancel: (reason) => controller.abort(reason),
    handBack: async () => {
      if (await stop("handed back")) await lifecycle.handBack(lease, { graceful: true });
    },
    lost: () => void stop("lease lost"),
  });
  try {
    const totals = { outputs: {}, costUsd: 0, tokens: { input: 0, output: 0 }, latencyMs: 0 };
    if (run.cancelRequested) {
      await lifecycle.append(runId, [{ type: "run.cancelled", runId, seq: run.lastSeq + 1, time: new Date().toISOString(), ...totals, reason: "cancelled" }], lease);
      return;
    }
    const prepared = await deps.flowVersions.get(run.flowVersionId);
    if (stopped) return; // handed back meanwhile
    if (!prepared?.ok) {
      const message = prepared ? (prepared.problems.find((p) => p.severity === "error")?.message ?? "invalid flow") : "its flow version no longer exists";
      await lifecycle.fail(lease, { code: "invalid_flow", message });
      return;
    }

    const resuming = run.lastSeq > 0;
    // The trace and root ids come from the run id: a run resumed here joins the trace its first worker began.
    trace = deps.tracing?.startRun({
      deterministicIds: true,
      requestedModels: requestedModels(prepared.flow),
      ...(resuming
        ? { resumed: { runId, flowName: prepared.flow.document.name, seed: run.seed, inputs: run.inputs, startedAt: run.startedAt } }
        : {}),
    });
    const writing = new EventWriter(lifecycle, lease, run.lastSeq, (error) => {
      void onWriteFailure(error).catch((e: unknown) => log(`run ${runId}: ${(e as Error).message}`));
    });
    writer = writing;
    const onWriteFailure = async (error: unknown) => {
      if (!(await stop("write failed"))) return;
      if (error instanceof LeaseLostError) {
        const gone = (await deps.db.run.count({ where: { id: runId } })) === 0;
        log(gone ? `run ${runId} was deleted with its workspace; stopped` : `run ${runId}: another worker holds it now; stopped here`);
        return;
      }
      const failure = writeFailure(error);
      log(`run ${runId}: could not store its events (${failure.detail})`);
      // A write that can never succeed fails the run now; one that may (the database was away) retries it elsewhere.
      if (failure.permanent) await lifecycle.fail(lease, { code: "storage", message: `Its events could not be stored: ${failure.detail}.` });
      else await lifecycle.handBack(lease, { reason: `its events could not be stored (${failure.detail})` });
    };

    await runFlow(prepared.flow, {
      gateway: await deps.gatewayFor(run.workspaceId),
      inputs: run.inputs,
      seed: run.seed,
      runId,
      signal: controller.signal,
      onEvent: (event) => {
        writing.push(event);
        trace?.record(event);
      },
      memory: new PgMemoryStore(deps.db, run.workspaceId),
      subflows: dbSubflows(deps.db, { workspaceId: run.workspaceId, createdById: run.createdById, apiKeyId: run.apiKeyId }),
      ...(deps.limits ? { limits: deps.limits } : {}),
      ...(run.budgetUsd !== null ? { budgetUsd: run.budgetUsd } : {}),
      // Only a run that had started before has nodes to resume from (a fresh one reads nothing).
      ...(resuming ? { resume: { nodes: await lifecycle.settled(runId), nextSeq: run.lastSeq + 1, startedAt: run.startedAt.getTime() } } : {}),
    });
    if (!stopped) await writing.close().catch(() => undefined); // a failed last write is handled by the writer's callback
  } finally {
    register(undefined);
  }
}
