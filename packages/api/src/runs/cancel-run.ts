import { TRPCError } from "@trpc/server";
import type { Db } from "@switchyard/db";
import type { ApiServices } from "../services/api-services";
import { appendRunEvents } from "./run-event-store";

/**
 * Cancels a run. A run no worker holds yet ends here and now (atomically, so a worker that
 * claims it a moment later sees it cancelled); a running one is aborted by its worker.
 */
export async function cancelRun(db: Db, services: ApiServices, runId: string): Promise<{ status: string }> {
  const finished = await db.$transaction(async (tx) => {
    const claimed = await tx.run.updateMany({ where: { id: runId, status: "queued", leaseOwner: null }, data: { status: "cancelled", cancelRequested: true } });
    if (claimed.count === 0) return false;
    const run = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { lastSeq: true, createdAt: true } });
    const now = new Date();
    await appendRunEvents(tx, runId, [
      {
        type: "run.cancelled",
        runId,
        seq: run.lastSeq + 1,
        time: now.toISOString(),
        reason: "cancelled before it started",
        outputs: {},
        costUsd: 0,
        tokens: { input: 0, output: 0 },
        latencyMs: now.getTime() - run.createdAt.getTime(),
      },
    ]);
    return true;
  });
  if (finished) return { status: "cancelled" };
  const run = await db.run.updateMany({ where: { id: runId, status: { in: ["queued", "running"] } }, data: { cancelRequested: true } });
  if (run.count === 0) throw new TRPCError({ code: "CONFLICT", message: "This run has already finished." });
  await services.queue.requestCancel(runId);
  return { status: "cancelling" };
}
