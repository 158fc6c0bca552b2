import type PgBoss from "pg-boss";
import type pg from "pg";
import sql, { type Sql } from "sql-template-tag";
import { rows, type SqlClient, type SqlPool } from "@switchyard/db";
import { RUN_CANCEL_CHANNEL, RUN_QUEUED_CHANNEL } from "./channels";

/** The pg-boss queue of runs to execute: one job is one attempt's delivery to some worker. */
export const RUN_QUEUE = "switchyard-run";

/** How the lifecycle reaches workers: a job on the queue, or a request to abort runs they hold. */
export interface RunDispatch {
  /**
   * Puts a run's job on the queue inside the caller's transaction, so a run and its job commit
   * together or not at all (a crash in between cannot leave a run queued with no job).
   */
  send(tx: pg.PoolClient, runId: string, options?: { notified?: boolean }): Promise<void>;
  /**
   * Queues a new run's job and records the run with it, in one statement: `record` is an INSERT
   * that reads the CTE `job` (the queued job's row), so the run is written only if its job is.
   */
  sendWith(client: SqlClient, runId: string, record: Sql): Promise<void>;
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
 * A fetched job not marked done within this time is delivered again (a worker died between taking
 * a job and claiming its run). Deliveries are cheap to repeat: claims are exclusive, so a job for a
 * run someone holds, or that has finished, is simply marked done.
 */
const REDELIVER_AFTER_SECONDS = 60;
const QUEUE_OPTIONS = { policy: "standard", retryLimit: 5, retryDelay: 1, expireInSeconds: REDELIVER_AFTER_SECONDS } as const;

/**
 * The queue on pg-boss. pg-boss delivers jobs, at least once; whether a run gets another attempt
 * is not its business but the lifecycle's (hand-back and reaper), the one place that decides it.
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
    await this.boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, ...QUEUE_OPTIONS });
    // A queue made by an older version kept a job for 23 hours before delivering it again.
    await this.boss.updateQueue(RUN_QUEUE, { name: RUN_QUEUE, ...QUEUE_OPTIONS });
  }

  /** `notified`: the caller's transaction already NOTIFYs the workers. */
  async send(tx: pg.PoolClient, runId: string, options: { notified?: boolean } = {}): Promise<void> {
    await this.boss.send(RUN_QUEUE, { runId }, { db: { executeSql: (text, values) => tx.query(text, values) } });
    // Delivered when the transaction commits, so a woken worker always finds the job.
    if (!options.notified) await rows(tx, sql`SELECT pg_notify(${RUN_QUEUED_CHANNEL}, ${runId})`);
  }

  async sendWith(client: SqlClient, runId: string, record: Sql): Promise<void> {
    let queued = false;
    // pg-boss runs its own INSERT through this hook; ours rides along as a second CTE of the same
    // statement (our parameters numbered after pg-boss's), saving a transaction's round trips.
    const db: PgBoss.Db = {
      executeSql: async (text, values) => {
        const shifted = record.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + values.length}`);
        const result = await client.query(`WITH job AS (${text}), recorded AS (${shifted}) SELECT job.id FROM job JOIN recorded ON true`, [...values, ...record.values]);
        queued = result.rows.length === 1;
        return result;
      },
    };
    await this.boss.send(RUN_QUEUE, { runId }, { db });
    if (!queued) throw new Error(`the run queue '${RUN_QUEUE}' took no job for run ${runId}`);
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
