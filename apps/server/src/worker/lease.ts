import type { Db } from "@switchyard/db";

/**
 * A worker holds a run through a lease it renews; if the worker dies the lease runs out and any
 * other worker may take the run over. Conditional updates make claims race-free. Lease times are
 * the database's clock, so workers on machines whose clocks disagree still agree on expiry.
 */
export class RunLease {
  constructor(
    private readonly db: Db,
    readonly workerId: string,
    readonly leaseMs: number,
  ) {}

  /** Claims a run that is queued or whose lease has lapsed; false if finished or held elsewhere. */
  async claim(runId: string): Promise<boolean> {
    // One conditional statement: the row lock makes concurrent claims race-free, and the first
    // claim stamps startedAt (a resumed run keeps its original start).
    const claimed = await this.db.$executeRaw`
      UPDATE "run" SET "status" = 'running', "leaseOwner" = ${this.workerId},
        "leaseExpiresAt" = now() + ${this.leaseMs}::int * interval '1 millisecond',
        "attempts" = "attempts" + 1, "startedAt" = coalesce("startedAt", now())
      WHERE "id" = ${runId} AND "status" IN ('queued', 'running')
        AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < now() OR "leaseOwner" = ${this.workerId})`;
    return claimed === 1;
  }

  /** Extends the lease; false means another worker has taken the run. */
  async renew(runId: string): Promise<boolean> {
    const renewed = await this.db.$executeRaw`
      UPDATE "run" SET "leaseExpiresAt" = now() + ${this.leaseMs}::int * interval '1 millisecond'
      WHERE "id" = ${runId} AND "leaseOwner" = ${this.workerId} AND "status" = 'running'`;
    return renewed === 1;
  }

  /**
   * Gives the run back at once: the lease ends now instead of running out. Any worker may claim it
   * straight away, and the reaper queues it again, so a run handed back for any reason (shutdown,
   * a failed event write) is never left "running" with no job to finish it.
   */
  async release(runId: string): Promise<void> {
    await this.db.$executeRaw`
      UPDATE "run" SET "leaseOwner" = NULL, "leaseExpiresAt" = now() - interval '1 millisecond'
      WHERE "id" = ${runId} AND "leaseOwner" = ${this.workerId}`;
  }

  /** Runs whose worker stopped renewing: unlocked here (once, atomically) to be queued again. */
  async reapExpired(): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      UPDATE "run" SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL
      WHERE "status" = 'running' AND "leaseExpiresAt" < now()
      RETURNING "id"`;
    return rows.map((r) => r.id);
  }
}
