import type PgBoss from "pg-boss";
import type pg from "pg";
import sql from "sql-template-tag";
import { rows, type SqlPool } from "@switchyard/db";
import { RUN_CANCEL_CHANNEL, RUN_QUEUED_CHANNEL } from "./channels";

/** The pg-boss queue of runs to execute: one job is one attempt's delivery to some worker. */
export const RUN_QUEUE = "switchyard-run";

/** How the lifecycle reaches workers: a job on the queue, or a request to abort runs they hold. */
export interface RunDispatch {
  /**
   * Puts a run's job on the queue inside the caller's transaction, so a run and its job commit
   * together or not at all (a crash in between cannot leave a run queued with no job).
   */
  send(tx: pg.PoolClient, runId: string): Promise<void>;
  /** Tells whichever workers hold these runs to abort them (a cancel, a deleted workspace). */
  abort(runIds: readonly string[]): Promise<void>;
}

/** A job taken off the queue for one run. */
export interface RunJob {
  id: string;
  runId: string;
}

/** Completions are written together, every few milliseconds: one statement for many runs. */
const COMPLETE_EVERY_MS = 20;

/**
 * The queue on pg-boss. pg-boss delivers jobs; it does not retry them (`retryLimit: 0`): a run
 * that needs another attempt gets a new job from the lifecycle, the one place that decides it.
 */
export class RunJobs implements RunDispatch {
  private completing: string[] = [];
  private flush: Promise<void> | undefined;

  constructor(
    private readonly boss: PgBoss,
    private readonly sql: SqlPool,
  ) {}

  /** Creates the queue (idempotent) with the settings the lifecycle relies on. */
  async prepare(): Promise<void> {
    await this.boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, policy: "standard", retryLimit: 0, expireInSeconds: 23 * 3600 });
    // Queues made by older versions retried jobs themselves, beside the lease reaper.
    await this.boss.updateQueue(RUN_QUEUE, { name: RUN_QUEUE, policy: "standard", retryLimit: 0, expireInSeconds: 23 * 3600 });
  }

  async send(tx: pg.PoolClient, runId: string): Promise<void> {
    await this.boss.send(RUN_QUEUE, { runId }, { retryLimit: 0, db: { executeSql: (text, values) => tx.query(text, values) } });
    // Delivered when the transaction commits, so a woken worker always finds the job.
    await rows(tx, sql`SELECT pg_notify(${RUN_QUEUED_CHANNEL}, ${runId})`);
  }

  async abort(runIds: readonly string[]): Promise<void> {
    if (runIds.length > 0) await rows(this.sql, sql`SELECT pg_notify(${RUN_CANCEL_CHANNEL}, id) FROM unnest(${[...runIds]}::text[]) AS id`);
  }

  async fetch(batchSize: number): Promise<RunJob[]> {
    const jobs = await this.boss.fetch<{ runId: string }>(RUN_QUEUE, { batchSize });
    return (jobs ?? []).map((job) => ({ id: job.id, runId: job.data.runId }));
  }

  /** Marks jobs done; batched with others finishing about now. */
  complete(jobIds: string[]): Promise<void> {
    this.completing.push(...jobIds);
    this.flush ??= new Promise<void>((resolve) => setTimeout(resolve, COMPLETE_EVERY_MS)).then(async () => {
      const ids = this.completing;
      this.completing = [];
      this.flush = undefined;
      if (ids.length > 0) await this.boss.complete(RUN_QUEUE, ids);
    });
    return this.flush;
  }
}
