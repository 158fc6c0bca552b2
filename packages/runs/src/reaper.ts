import sql from "sql-template-tag";
import { rows, transaction, type SqlPool } from "@switchyard/db";
import type { RunDispatch } from "./run-jobs";
import { requeueOrGiveUp, MAX_INTERRUPTIONS } from "./hand-back";

/** What one pass of the reaper did. */
export interface Reaped {
  requeued: string[];
  failed: string[];
}

/**
 * Runs whose worker stopped renewing its lease (crashed, killed, cut off): each is taken from that
 * worker once, atomically (rows locked, SKIP LOCKED so reapers on several workers share the work),
 * its interruption counted, and then queued again or given up in the same transaction.
 */
export async function reapExpiredLeases(pool: SqlPool, dispatch: RunDispatch, maxInterruptions = MAX_INTERRUPTIONS): Promise<Reaped> {
  // Most passes find nothing: say so without opening a transaction.
  const [due] = await rows<{ due: boolean }>(pool, sql`SELECT EXISTS (SELECT 1 FROM "run" WHERE "status" = 'running' AND "leaseOwner" IS NOT NULL AND "leaseExpiresAt" < now()) AS due`);
  if (!due?.due) return { requeued: [], failed: [] };
  return transaction(pool, async (tx) => {
    const expired = await rows<{ id: string; interruptions: number; lastInterruption: string | null }>(
      tx,
      sql`UPDATE "run" SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "interruptions" = "interruptions" + 1,
        "lastInterruption" = 'its worker stopped responding while running it (crashed, killed or cut off)'
      WHERE "id" IN (
        SELECT "id" FROM "run" WHERE "status" = 'running' AND "leaseOwner" IS NOT NULL AND "leaseExpiresAt" < now()
        ORDER BY "leaseExpiresAt" LIMIT 100 FOR UPDATE SKIP LOCKED)
      RETURNING "id", "interruptions", "lastInterruption"`,
    );
    const reaped: Reaped = { requeued: [], failed: [] };
    for (const row of expired) {
      const outcome = await requeueOrGiveUp(tx, dispatch, row.id, row.interruptions, row.lastInterruption, maxInterruptions);
      reaped[outcome].push(row.id);
    }
    return reaped;
  });
}
