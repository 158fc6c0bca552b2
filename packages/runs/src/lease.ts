import sql from "sql-template-tag";
import { rows, type SqlClient } from "@switchyard/db";

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

/** What a worker needs of the run it claimed, read in the claiming statement itself. */
export interface ClaimedRun {
  workspaceId: string;
  flowVersionId: string;
  inputs: Record<string, unknown>;
  seed: number;
  budgetUsd: number | null;
  lastSeq: number;
  cancelRequested: boolean;
  startedAt: Date;
  createdById: string | null;
  apiKeyId: string | null;
}

/**
 * Claims the runs no one holds among `runIds`: queued, or handed back (by its worker, or by the
 * reaper for a worker that died). One conditional statement for the whole batch a worker fetched,
 * so of concurrent claims of a run exactly one wins; the first stamps startedAt. A lease that
 * merely lapsed is not claimable here: only the reaper turns it loose, counting the interruption,
 * so every retry goes through one door. Returns what was claimed, by run id.
 */
export async function claimRuns(client: SqlClient, runIds: readonly string[], owner: string, leaseMs: number): Promise<Map<string, { lease: Lease; run: ClaimedRun }>> {
  const claimed = await rows<ClaimedRun & { id: string; attempts: number }>(
    client,
    sql`UPDATE "run" SET "status" = 'running', "leaseOwner" = ${owner},
      "leaseExpiresAt" = now() + ${leaseMs}::int * interval '1 millisecond',
      "attempts" = "attempts" + 1, "startedAt" = coalesce("startedAt", now())
    WHERE "id" = ANY(${[...runIds]}::text[]) AND "status" IN ('queued', 'running') AND "leaseOwner" IS NULL
    RETURNING "id", "attempts", "workspaceId", "flowVersionId", "inputs", "seed", "budgetUsd", "lastSeq", "cancelRequested", "startedAt", "createdById", "apiKeyId"`,
  );
  return new Map(claimed.map(({ id, attempts, ...run }) => [id, { lease: { runId: id, owner, token: attempts }, run }]));
}

/**
 * Extends every lease `owner` holds, in one statement however many runs it executes. Returns the
 * runs still held, with their tokens; a run missing from it was taken from this worker.
 */
export async function renewLeases(client: SqlClient, owner: string, leaseMs: number): Promise<Map<string, number>> {
  const held = await rows<{ id: string; attempts: number }>(
    client,
    sql`UPDATE "run" SET "leaseExpiresAt" = now() + ${leaseMs}::int * interval '1 millisecond'
    WHERE "leaseOwner" = ${owner} AND "status" = 'running'
    RETURNING "id", "attempts"`,
  );
  return new Map(held.map((r) => [r.id, r.attempts]));
}
