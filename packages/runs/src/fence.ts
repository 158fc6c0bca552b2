import sql, { type Sql } from "sql-template-tag";
import type { Lease } from "./lease";

/**
 * Who may write a run's events: the worker holding the lease (with its token), or — for a run no
 * worker holds (cancelled while queued, given up by the reaper) — the lifecycle itself.
 */
export type Fence = Lease | { unclaimed: true };

/** The SQL condition on the run row that lets a writer through. */
export function fenceCondition(fence: Fence): Sql {
  if ("unclaimed" in fence) return sql`"leaseOwner" IS NULL AND "status" IN ('queued', 'running')`;
  return sql`"leaseOwner" = ${fence.owner} AND "attempts" = ${fence.token} AND "status" = 'running'`;
}

/** A write refused because the writer no longer holds the run: it must stop acting for it. */
export class LeaseLostError extends Error {
  constructor(readonly runId: string) {
    super(`run ${runId} is no longer held by this worker; its write was refused`);
    this.name = "LeaseLostError";
  }
}
