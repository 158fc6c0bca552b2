import sql from "sql-template-tag";
import type { SqlPool } from "@switchyard/db";
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

/**
 * Records the run as queued and puts its job on the queue, atomically: one statement writes both
 * (the run only if its job was written), and wakes the workers when it commits.
 */
export async function createRun(pool: SqlPool, dispatch: RunDispatch, run: NewRun): Promise<string> {
  const id = newRunId();
  await dispatch.sendWith(
    pool,
    id,
    sql`INSERT INTO "run" ("id", "flowId", "flowVersionId", "workspaceId", "inputs", "seed", "budgetUsd", "createdById", "apiKeyId")
      SELECT ${id}, ${run.flowId}, ${run.flowVersionId}, ${run.workspaceId}, ${JSON.stringify(run.inputs)}::jsonb, ${run.seed}::int, ${run.budgetUsd ?? null}::float8, ${run.createdById ?? null}::text, ${run.apiKeyId ?? null}::text
      FROM job
      RETURNING "id", pg_notify(${RUN_QUEUED_CHANNEL}, "id")`,
  );
  return id;
}
