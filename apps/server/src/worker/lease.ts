import type { Db } from "@switchyard/db";

/**
 * A worker holds a run through a lease it renews; if the worker dies the lease runs out and any
 * other worker may take the run over. Conditional updates make claims race-free.
 */
export class RunLease {
  constructor(
    private readonly db: Db,
    readonly workerId: string,
    readonly leaseMs: number,
  ) {}

  /** Claims a run that is queued or whose lease has lapsed; false if finished or held elsewhere. */
  async claim(runId: string): Promise<boolean> {
    const now = new Date();
    const claimed = await this.db.run.updateMany({
      where: {
        id: runId,
        status: { in: ["queued", "running"] },
        OR: [{ leaseOwner: null }, { leaseExpiresAt: { lt: now } }, { leaseOwner: this.workerId }],
      },
      data: { status: "running", leaseOwner: this.workerId, leaseExpiresAt: new Date(now.getTime() + this.leaseMs), attempts: { increment: 1 } },
    });
    if (claimed.count === 1) await this.db.run.updateMany({ where: { id: runId, startedAt: null }, data: { startedAt: now } });
    return claimed.count === 1;
  }

  /** Extends the lease; false means another worker has taken the run. */
  async renew(runId: string): Promise<boolean> {
    const renewed = await this.db.run.updateMany({
      where: { id: runId, leaseOwner: this.workerId, status: "running" },
      data: { leaseExpiresAt: new Date(Date.now() + this.leaseMs) },
    });
    return renewed.count === 1;
  }

  /**
   * Gives the run back at once: the lease ends now instead of running out. Any worker may claim it
   * straight away, and the reaper queues it again, so a run handed back for any reason (shutdown,
   * a failed event write) is never left "running" with no job to finish it.
   */
  async release(runId: string): Promise<void> {
    await this.db.run.updateMany({ where: { id: runId, leaseOwner: this.workerId }, data: { leaseOwner: null, leaseExpiresAt: new Date(Date.now() - 1) } });
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
