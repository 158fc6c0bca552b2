import type pg from "pg";
import sql from "sql-template-tag";
import { rows, transaction, type SqlPool } from "@switchyard/db";
import type { Lease } from "./lease";
import type { RunDispatch } from "./run-jobs";
import { endRunAsFailed } from "./give-up";

/** Attempts that may end without finishing a run (crashes, failed writes) before it is failed. */
export const MAX_INTERRUPTIONS = 3;

/** Why an attempt ended early: a graceful shutdown, or a failure that counts toward the cap. */
export type Interruption = { graceful: true } | { graceful?: false; reason: string };

/**
 * After a run lost its worker: queue it again, or — once it has been interrupted
 * `MAX_INTERRUPTIONS` times — end it as failed with the last reason, so a run that keeps failing
 * for the same reason stops instead of paying for its models again and again. The one place a
 * run is retried: both a worker handing its run back and the reaper come here.
 */
export async function requeueOrGiveUp(tx: pg.PoolClient, dispatch: RunDispatch, runId: string, interruptions: number, lastInterruption: string | null, maxInterruptions: number): Promise<"requeued" | "failed"> {
  if (interruptions < maxInterruptions) {
    await dispatch.send(tx, runId);
    return "requeued";
  }
  const reason = lastInterruption ?? "unknown";
  const message = `The run was stopped after ${interruptions} interrupted attempts; the last: ${reason}.`;
  await endRunAsFailed(tx, runId, { code: "interrupted", message }, { unclaimed: true });
  return "failed";
}

/**
 * A worker gives its run back (shutting down, or after a failure it cannot recover from). The
 * lease ends only if the worker still holds it (fenced), and in the same transaction the run is
 * queued again or given up: a run handed back is never left "running" with no job, and never
 * queued twice (the reaper only takes leases that still have an owner).
 */
export async function handBack(pool: SqlPool, dispatch: RunDispatch, lease: Lease, why: Interruption, maxInterruptions = MAX_INTERRUPTIONS): Promise<"requeued" | "failed" | "not-held"> {
  const counts = why.graceful ? 0 : 1;
  const reason = why.graceful ? null : why.reason;
  return transaction(pool, async (tx) => {
    const [row] = await rows<{ interruptions: number; lastInterruption: string | null }>(
      tx,
      sql`UPDATE "run" SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL,
        "interruptions" = "interruptions" + ${counts}::int,
        "lastInterruption" = coalesce(${reason}::text, "lastInterruption")
      WHERE "id" = ${lease.runId} AND "leaseOwner" = ${lease.owner} AND "attempts" = ${lease.token} AND "status" = 'running'
      RETURNING "interruptions", "lastInterruption"`,
    );
    if (!row) return "not-held";
    return requeueOrGiveUp(tx, dispatch, lease.runId, row.interruptions, row.lastInterruption, maxInterruptions);
  });
}
