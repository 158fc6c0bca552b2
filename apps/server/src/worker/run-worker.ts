import type PgBoss from "pg-boss";
import type { Db } from "@switchyard/db";
import type { ModelGateway } from "@switchyard/core";
import type { RunTracing } from "@switchyard/telemetry";
import { executeRun, type RunHandle } from "./run-job";
import { RunLease } from "./lease";
import type { PgListener } from "../db/pg-listener";
import { RUN_CANCEL_CHANNEL, RUN_QUEUE, RUN_QUEUED_CHANNEL } from "../queue/channels";

export interface RunWorkerOptions {
  db: Db;
  boss: PgBoss;
  listener: PgListener;
  workerId: string;
  gatewayFor(workspaceId: string): Promise<ModelGateway>;
  /** Exports each run as a trace, when a collector is configured. */
  tracing?: RunTracing;
  /** Runs this worker executes at once. */
  concurrency: number;
  leaseMs: number;
  log(message: string): void;
}

/**
 * Takes runs off the pg-boss queue and executes them, up to `concurrency` at a time. It fetches
 * when woken by a NOTIFY (a run was queued), when a slot frees up, or on a slow poll; reaps runs
 * whose worker died; and aborts runs it holds when asked to cancel them.
 */
export class RunWorker {
  private readonly active = new Map<string, RunHandle | undefined>();
  private readonly lease: RunLease;
  private fetching = false;
  private again = false;
  private stopped = false;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: RunWorkerOptions) {
    this.lease = new RunLease(options.db, options.workerId, options.leaseMs);
  }

  async start(): Promise<void> {
    const { listener } = this.options;
    await listener.listen(RUN_QUEUED_CHANNEL, () => this.wake());
    await listener.listen(RUN_CANCEL_CHANNEL, (runId) => this.active.get(runId)?.cancel("cancelled by a user"));
    this.timers.push(setInterval(() => this.wake(), 1000));
    this.timers.push(setInterval(() => void this.reap(), Math.max(500, this.options.leaseMs / 4)));
    this.wake();
  }

  /** Fetch as many jobs as there are free slots; coalesces concurrent wake-ups. */
  wake(): void {
    if (this.stopped) return;
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    void this.fetch().finally(() => {
      this.fetching = false;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async fetch(): Promise<void> {
    const free = this.options.concurrency - this.active.size;
    if (free <= 0) return;
    let jobs: PgBoss.Job<{ runId: string }>[] | null;
    try {
      jobs = await this.options.boss.fetch<{ runId: string }>(RUN_QUEUE, { batchSize: free });
    } catch (error) {
      this.options.log(`could not fetch jobs: ${(error as Error).message}`);
      return;
    }
    for (const job of jobs ?? []) this.process(job);
  }

  private process(job: PgBoss.Job<{ runId: string }>): void {
    const { runId } = job.data;
    this.active.set(runId, undefined);
    const task = executeRun({ ...this.options, lease: this.lease }, runId, (handle) => (handle ? this.active.set(runId, handle) : undefined))
      .then(
        () => this.options.boss.complete(RUN_QUEUE, job.id),
        (error: unknown) => {
          this.options.log(`run ${runId} failed in the worker: ${(error as Error).message}`);
          return this.options.boss.fail(RUN_QUEUE, job.id, { message: (error as Error).message });
        },
      )
      .catch(() => undefined)
      .finally(() => {
        this.active.delete(runId);
        this.running.delete(task);
        this.wake();
      });
    this.running.add(task);
  }

  private async reap(): Promise<void> {
    if (this.stopped) return;
    try {
      for (const runId of await this.lease.reapExpired()) {
        this.options.log(`run ${runId} lost its worker; queueing it again`);
        await this.options.boss.send(RUN_QUEUE, { runId });
      }
    } catch (error) {
      this.options.log(`reaper: ${(error as Error).message}`);
    }
  }

  /** Graceful stop: runs in flight are handed back to the queue, nothing is lost or cancelled. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    const handBacks = [...this.active.entries()].map(async ([runId, handle]) => {
      await handle?.handBack();
      await this.options.boss.send(RUN_QUEUE, { runId });
    });
    await Promise.allSettled(handBacks);
    await Promise.allSettled([...this.running]);
  }

  get activeRuns(): number {
    return this.active.size;
  }
}
