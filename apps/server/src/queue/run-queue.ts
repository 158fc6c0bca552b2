import type PgBoss from "pg-boss";
import type { RunQueue } from "@switchyard/api";
import type { Db } from "@switchyard/db";
import { RUN_CANCEL_CHANNEL, RUN_QUEUE, RUN_QUEUED_CHANNEL } from "./channels";

/** The API's side of the queue: send a job, then NOTIFY so a worker (here or elsewhere) fetches it now. */
export function pgBossRunQueue(boss: PgBoss, db: Db, wakeLocal?: () => void): RunQueue {
  return {
    async enqueue(runId) {
      await boss.send(RUN_QUEUE, { runId }, { retryLimit: 3, retryDelay: 1, expireInHours: 23 });
      wakeLocal?.();
      await db.$executeRaw`SELECT pg_notify(${RUN_QUEUED_CHANNEL}, ${runId})`;
    },
    async requestCancel(runId) {
      await db.$executeRaw`SELECT pg_notify(${RUN_CANCEL_CHANNEL}, ${runId})`;
    },
  };
}
