import type { RunError, RunEvent } from "@switchyard/core";
import type { Db } from "@switchyard/db";
import { appendRunEvents } from "./append-events";
import { cancelRun } from "./cancel-run";
import { createRun, type NewRun } from "./create-run";
import type { Fence } from "./fence";
import { endRunAsFailed } from "./give-up";
import { handBack, MAX_INTERRUPTIONS, type Interruption } from "./hand-back";
import { claimRun, renewLeases, type Lease } from "./lease";
import { readRunEvents, type ReadEventsOptions } from "./read-events";
import { reapExpiredLeases, type Reaped } from "./reaper";
import type { RunDispatch } from "./run-jobs";

export interface RunLifecycleOptions {
  db: Db;
  dispatch: RunDispatch;
  /** How long a claim lasts without renewal: the longest a dead worker keeps a run. */
  leaseMs?: number;
  maxInterruptions?: number;
}

/**
 * A run's life, owned in one place: created with its job (atomically), claimed by one worker at a
 * time under a fencing token, renewed, handed back or reaped (the one way a run is retried, with
 * a cap), appended to only by whoever holds it, cancelled, read. The API and the workers call
 * this; nothing else writes a run's status, lease, sequence or attempt columns (lint enforces it).
 */
export class RunLifecycle {
  readonly db: Db;
  readonly leaseMs: number;
  private readonly dispatch: RunDispatch;
  private readonly maxInterruptions: number;

  constructor(options: RunLifecycleOptions) {
    this.db = options.db;
    this.dispatch = options.dispatch;
    this.leaseMs = options.leaseMs ?? 10_000;
    this.maxInterruptions = options.maxInterruptions ?? MAX_INTERRUPTIONS;
  }

  create(run: NewRun): Promise<string> {
    return createRun(this.db, this.dispatch, run);
  }

  cancel(runId: string): Promise<"cancelled" | "cancelling" | "finished"> {
    return cancelRun(this.db, this.dispatch, runId);
  }

  /** Asks the workers holding these runs to stop (their runs were deleted with a workspace). */
  abortHeld(runIds: readonly string[]): Promise<void> {
    return this.dispatch.abort(runIds);
  }

  claim(runId: string, owner: string): Promise<Lease | undefined> {
    return claimRun(this.db, runId, owner, this.leaseMs);
  }

  renew(owner: string): Promise<Map<string, number>> {
    return renewLeases(this.db, owner, this.leaseMs);
  }

  append(runId: string, events: readonly RunEvent[], fence: Fence): Promise<void> {
    return appendRunEvents(this.db, runId, events, fence);
  }

  /** Ends a run its worker cannot carry on as failed, with totals of what it settled (fenced). */
  fail(lease: Lease, error: RunError): Promise<void> {
    return endRunAsFailed(this.db, lease.runId, error, lease);
  }

  handBack(lease: Lease, why: Interruption): Promise<"requeued" | "failed" | "not-held"> {
    return handBack(this.db, this.dispatch, lease, why, this.maxInterruptions);
  }

  reap(): Promise<Reaped> {
    return reapExpiredLeases(this.db, this.dispatch, this.maxInterruptions);
  }

  readEvents(runId: string, afterSeq: number, options?: ReadEventsOptions): Promise<RunEvent[]> {
    return readRunEvents(this.db, runId, afterSeq, options);
  }
}
