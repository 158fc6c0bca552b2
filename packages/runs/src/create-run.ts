import sql from "sql-template-tag";
import { rows, transaction, type SqlPool } from "@switchyard/db";
import { RUN_QUEUED_CHANNEL } from "./channels";
import type { RunDispatch } from "./run-jobs";
import { newRunId } from "./new-id";

/** A run as the API records it, already validated. */
export interface NewRun {
  flowId: string;
  flowVersionId: string;
  workspaceId: string;
  inputs: unknown;
  seed: number;
  budgetUsd?: number;
  createdById?: string;
  apiKeyId?: string;
}

/** Records the run as queued and puts its job on the queue, in one transaction. */
export async function createRun(pool: SqlPool, dispatch: RunDispatch, run: NewRun): Promise<string> {
  const id = newRunId();
  await transaction(pool, async (tx) => {
    // The workers' wake-up goes out with the insert (delivered on commit, when the job is there too).
    await rows(
      tx,
      sql`WITH created AS (
        INSERT INTO "run" ("id", "flowId", "flowVersionId", "workspaceId", "inputs", "seed", "budgetUsd", "createdById", "apiKeyId")
        VALUES (${id}, ${run.flowId}, ${run.flowVersionId}, ${run.workspaceId}, ${JSON.stringify(run.inputs)}::jsonb, ${run.seed}, ${run.budgetUsd ?? null}::float8, ${run.createdById ?? null}::text, ${run.apiKeyId ?? null}::text)
        RETURNING "id")
      SELECT pg_notify(${RUN_QUEUED_CHANNEL}, "id") FROM created`,
    );
    await dispatch.send(tx, id, { notified: true });
  });
  return id;
}
