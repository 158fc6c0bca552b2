import { RUN_CANCEL_CHANNEL, RUN_QUEUED_CHANNEL, type ClaimedRun, type Lease, type RunJob, type RunJobs } from "@switchyard/runs";
import type { PgListener } from "../db/pg-listener";
import { executeRun, type ExecutionDeps, type ExecutionHandle } from "./run-execution";

export interface RunWorkerOptions extends ExecutionDeps {
  jobs: RunJobs;
  listener: PgListener;
  workerId: string;
  /** Runs this worker executes at once. */
  concurrency: number;
}

type Claimed = { lease: Lease; run: ClaimedRun };

interface Active {
  lease?: Lease;
  handle?: ExecutionHandle;
}

/**
 * Takes runs off the queue and executes them, up to `concurrency` at a time. It fetches when woken
 * by a NOTIFY (a run was queued), when a slot frees up, or on a slow poll; renews the leases of all
 * its runs in one statement; reaps runs whose worker died; and aborts runs it holds when asked to
 * cancel them. The run lifecycle decides everything about a run's state; this only drives it.
 */
export class RunWorker {
  private readonly active = new Map<string, Active>();
  private fetching = false;
  private again = false;
  private stopped = false;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: RunWorkerOptions) {}

  async start(): Promise<void> {
    const { listener, lifecycle } = this.options;
    await listener.listen(RUN_QUEUED_CHANNEL, () => this.wake());
    await listener.listen(RUN_CANCEL_CHANNEL, (runId) => this.active.get(runId)?.handle?.cancel("cancelled by a user"));
    this.timers.push(setInterval(() => this.wake(), 1000));
    // Renewing often is cheap (one statement for every run held) and lets leases be short.
    this.timers.push(setInterval(() => void this.renew(), Math.max(100, lifecycle.leaseMs / 5)));
    this.timers.push(setInterval(() => void this.reap(), Math.max(100, lifecycle.leaseMs / 2)));
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
    let jobs: RunJob[];
    try {
      jobs = await this.options.jobs.fetch(free);
    } catch (error) {
      this.options.log(`could not fetch jobs: ${(error as Error).message}`);
      return;
    }
    // A second job for a run this worker is already executing is not a second run of it.
    const fresh = jobs.filter((job, i) => !this.active.has(job.runId) && jobs.findIndex((j) => j.runId === job.runId) === i);
    const done = jobs.filter((job) => !fresh.includes(job)).map((job) => job.id);
    for (const job of fresh) this.active.set(job.runId, {});
    let claimed = new Map<string, Claimed>();
    try {
      if (fresh.length > 0 && !this.stopped) claimed = await this.options.lifecycle.claimMany(fresh.map((job) => job.runId), this.options.workerId);
    } catch (error) {
      // Left uncompleted, the jobs are delivered again once they expire (RunJobs): nothing is lost.
      this.options.log(`could not claim runs: ${(error as Error).message}`);
      for (const job of fresh) this.active.delete(job.runId);
      return;
    }
    for (const job of fresh) {
      const run = claimed.get(job.runId);
      if (run) this.process(job, run);
      else {
        // Finished, cancelled or held elsewhere: this job has nothing to do.
        this.active.delete(job.runId);
        done.push(job.id);
      }
    }
    if (done.length > 0) this.options.jobs.complete(done).catch(() => undefined);
  }

  private process(job: RunJob, claimed: Claimed): void {
    const { runId } = job;
    const entry = this.active.get(runId)!;
    entry.lease = claimed.lease;
    const task = (async () => {
      if (this.stopped) return void (await this.options.lifecycle.handBack(claimed.lease, { graceful: true }));
      await executeRun(this.options, claimed, (handle) => (entry.handle = handle));
    })()
      .catch((error: unknown) => this.options.log(`run ${runId} failed in the worker: ${(error as Error).message}`))
      .finally(() => {
        // The job is marked done with others finishing about now; the slot is free already.
        this.options.jobs.complete([job.id]).catch(() => undefined);
        this.active.delete(runId);
        this.running.delete(task);
        this.wake();
      });
    this.running.add(task);
  }

  /** Extends every lease at once; a run no longer held (taken over after a stall) stops here. */
  private async renew(): Promise<void> {
    if (this.stopped || this.active.size === 0) return;
    // Judge only the leases held before the statement: a run claimed while it was on its way is
    // missing from its answer, yet very much held.
    const before = [...this.active.values()].filter((entry) => entry.lease);
    try {
      const held = await this.options.lifecycle.renew(this.options.workerId);
      for (const entry of before) {
        if (held.get(entry.lease!.runId) !== entry.lease!.token) entry.handle?.lost();
      }
    } catch (error) {
      this.options.log(`could not renew leases: ${(error as Error).message}`);
    }
  }

  private async reap(): Promise<void> {
    if (this.stopped) return;
    try {
      const { requeued, failed } = await this.options.lifecycle.reap();
      for (const runId of requeued) this.options.log(`run ${runId} lost its worker; queued again`);
      for (const runId of failed) this.options.log(`run ${runId} was interrupted too often; ended as failed`);
      if (requeued.length > 0) this.wake();
    } catch (error) {
      this.options.log(`reaper: ${(error as Error).message}`);
    }
  }

  /** Graceful stop: runs in flight are handed back to the queue, nothing is lost or cancelled. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.active.values()].map((entry) => entry.handle?.handBack()));
    await Promise.allSettled([...this.running]);
  }

  get activeRuns(): number {
    return this.active.size;
  }
}
