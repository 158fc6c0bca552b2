import type { Db, Prisma } from "@switchyard/db";
import type { RunDispatch } from "./run-jobs";

/** A run as the API records it, already validated. */
export interface NewRun {
  flowId: string;
  flowVersionId: string;
  workspaceId: string;
  inputs: Prisma.InputJsonValue;
  seed: number;
  budgetUsd?: number;
  createdById?: string;
  apiKeyId?: string;
}

/** Records the run as queued and puts its job on the queue, in one transaction. */
export async function createRun(db: Db, dispatch: RunDispatch, run: NewRun): Promise<string> {
  return db.$transaction(async (tx) => {
    const { id } = await tx.run.create({ data: run, select: { id: true } });
    await dispatch.send(tx, id);
    return id;
  });
}
