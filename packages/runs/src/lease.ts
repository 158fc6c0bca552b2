import type { Db } from "@switchyard/db";

/**
 * A worker's hold on one run. `token` is the run's claim count when this worker claimed it: every
 * write of the worker carries it, and once another claim has moved the count on the write is
 * refused (a fencing token), so a worker that lost its run can never act for it again.
 */
export interface Lease {
  runId: string;
  owner: string;
  token: number;
}

/**
 * Claims a run no one holds: queued, or handed back (by its worker, or by the reaper for a worker
 * that died). One conditional statement, so of concurrent claims exactly one wins; the first
 * stamps startedAt. A lease that merely lapsed is not claimable here: only the reaper turns it
 * loose, counting the interruption, so every retry goes through one door.
 */
export async function claimRun(db: Db, runId: string, owner: string, leaseMs: number): Promise<Lease | undefined> {
  const rows = await db.$queryRaw<{ attempts: number }[]>`
    UPDATE "run" SET "status" = 'running', "leaseOwner" = ${owner},
      "leaseExpiresAt" = now() + ${leaseMs}::int * interval '1 millisecond',
      "attempts" = "attempts" + 1, "startedAt" = coalesce("startedAt", now())
    WHERE "id" = ${runId} AND "status" IN ('queued', 'running') AND "leaseOwner" IS NULL
    RETURNING "attempts"`;
  const claimed = rows[0];
  return claimed ? { runId, owner, token: claimed.attempts } : undefined;
}

/**
 * Extends every lease `owner` holds, in one statement however many runs it executes. Returns the
 * runs still held, with their tokens; a run missing from it was taken from this worker.
 */
export async function renewLeases(db: Db, owner: string, leaseMs: number): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "run" SET "leaseExpiresAt" = now() + ${leaseMs}::int * interval '1 millisecond'
    WHERE "leaseOwner" = ${owner} AND "status" = 'running'
    RETURNING "id", "attempts"`;
  return new Map(rows.map((r) => [r.id, r.attempts]));
}
