import sql from "sql-template-tag";
import { changed, transaction, type SqlPool } from "@switchyard/db";
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
    await changed(
      tx,
      sql`INSERT INTO "run" ("id", "flowId", "flowVersionId", "workspaceId", "inputs", "seed", "budgetUsd", "createdById", "apiKeyId")
      VALUES (${id}, ${run.flowId}, ${run.flowVersionId}, ${run.workspaceId}, ${JSON.stringify(run.inputs)}::jsonb, ${run.seed}, ${run.budgetUsd ?? null}::float8, ${run.createdById ?? null}::text, ${run.apiKeyId ?? null}::text)`,
    );
    await dispatch.send(tx, id);
  });
  return id;
}
