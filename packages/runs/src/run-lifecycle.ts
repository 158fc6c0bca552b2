import type { RunError, RunEvent, SettledNode } from "@switchyard/core";
import type { SqlPool } from "@switchyard/db";
import { appendRunEvents } from "./append-events";
import { cancelRun } from "./cancel-run";
import { createRun, type NewRun } from "./create-run";
import type { Fence } from "./fence";
import { endRunAsFailed } from "./give-up";
import { handBack, MAX_INTERRUPTIONS, type Interruption } from "./hand-back";
import { claimRuns, renewLeases, type ClaimedRun, type Lease } from "./lease";
import { readEndEvent, readRunEvents, runHasEnded, settledNodes, type ReadEventsOptions } from "./read-events";
import { reapExpiredLeases, type Reaped } from "./reaper";
import type { RunDispatch } from "./run-jobs";

export interface RunLifecycleOptions {
  sql: SqlPool;
  /**
   * Connections of their own for renewing leases and reaping, so a worker busy with many runs
   * (its pool queued up with their writes) still renews on time and is not taken for dead.
   */
  heartbeat?: SqlPool;
  dispatch: RunDispatch;
  /** How long a claim lasts without renewal: the longest a dead worker keeps a run. */
  leaseMs?: number;
  maxInterruptions?: number;
}

/** How long a claim lasts by default: short, so a dead worker's runs move on within two seconds. */
export const DEFAULT_LEASE_MS = 1500;

/**
 * A run's life, owned in one place: created with its job (atomically), claimed by one worker at a
 * time under a fencing token, renewed, handed back or reaped (the one way a run is retried, with
 * a cap), appended to only by whoever holds it, cancelled, read. The API and the workers call
 * this; nothing else writes a run's status, lease, sequence or attempt columns (lint enforces it).
 * Plain SQL (prepared statements on `pg`): this is the path every run takes, many times.
 */
export class RunLifecycle {
  readonly sql: SqlPool;
  readonly leaseMs: number;
  private readonly heartbeat: SqlPool;
  private readonly dispatch: RunDispatch;
  private readonly maxInterruptions: number;

  constructor(options: RunLifecycleOptions) {
    this.sql = options.sql;
    this.heartbeat = options.heartbeat ?? options.sql;
    this.dispatch = options.dispatch;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.maxInterruptions = options.maxInterruptions ?? MAX_INTERRUPTIONS;
  }

  create(run: NewRun): Promise<string> {
    return createRun(this.sql, this.dispatch, run);
  }

  cancel(runId: string): Promise<"cancelled" | "cancelling" | "finished"> {
    return cancelRun(this.sql, this.dispatch, runId);
  }

  /** Asks the workers holding these runs to stop (their runs were deleted with a workspace). */
  abortHeld(runIds: readonly string[]): Promise<void> {
    return this.dispatch.abort(runIds);
  }

  /** The lease and what the worker needs of the run, or undefined if it is not claimable. */
  async claim(runId: string, owner: string): Promise<{ lease: Lease; run: ClaimedRun } | undefined> {
    return (await claimRuns(this.sql, [runId], owner, this.leaseMs)).get(runId);
  }

  /** Claims many runs in one statement (a worker's fetched batch); what was claimed, by run id. */
  claimMany(runIds: readonly string[], owner: string): Promise<Map<string, { lease: Lease; run: ClaimedRun }>> {
    return claimRuns(this.sql, runIds, owner, this.leaseMs);
  }

  renew(owner: string): Promise<Map<string, number>> {
    return renewLeases(this.heartbeat, owner, this.leaseMs);
  }

  append(runId: string, events: readonly RunEvent[], fence: Fence): Promise<void> {
    return appendRunEvents(this.sql, runId, events, fence);
  }

  /** Ends a run its worker cannot carry on as failed, with totals of what it settled (fenced). */
  fail(lease: Lease, error: RunError): Promise<void> {
    return endRunAsFailed(this.sql, lease.runId, error, lease);
  }

  handBack(lease: Lease, why: Interruption): Promise<"requeued" | "failed" | "not-held"> {
    return handBack(this.sql, this.dispatch, lease, why, this.maxInterruptions);
  }

  reap(): Promise<Reaped> {
    return reapExpiredLeases(this.heartbeat, this.dispatch, this.maxInterruptions);
  }

  readEvents(runId: string, afterSeq: number, options?: ReadEventsOptions): Promise<RunEvent[]> {
    return readRunEvents(this.sql, runId, afterSeq, options);
  }

  hasEnded(runId: string): Promise<boolean> {
    return runHasEnded(this.sql, runId);
  }

  readEnd(runId: string): Promise<RunEvent | undefined> {
    return readEndEvent(this.sql, runId);
  }

  settled(runId: string): Promise<Record<string, SettledNode>> {
    return settledNodes(this.sql, runId);
  }
}
