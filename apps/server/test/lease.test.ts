import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, createTestDatabase, type TestDatabase } from "@switchyard/db";
import { RunLease } from "../src/worker/lease";

let database: TestDatabase;
let runId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const user = await db.user.create({ data: { id: "lease-user", name: "Lease", email: "lease@example.com" }, select: { id: true } });
  const workspace = await db.workspace.create({ data: { name: "Leases" }, select: { id: true } });
  const flow = await db.flow.create({ data: { workspaceId: workspace.id, name: "F", createdById: user.id, latestVersion: 1 }, select: { id: true } });
  const version = await db.flowVersion.create({ data: { flowId: flow.id, version: 1, document: {}, createdById: user.id }, select: { id: true } });
  ({ id: runId } = await db.run.create({ data: { flowId: flow.id, flowVersionId: version.id, workspaceId: workspace.id, inputs: {}, seed: 1 }, select: { id: true } }));
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

describe("run leases", () => {
  it("a run handed back is claimable at once and queued again by the reaper, never left running without a job", async () => {
    const a = new RunLease(database.db, "worker-a", 60_000);
    const b = new RunLease(database.db, "worker-b", 60_000);
    expect(await a.claim(runId)).toBe(true);
    expect(await b.claim(runId)).toBe(false); // held, not expired
    expect(await a.reapExpired()).toEqual([]);

    await a.release(runId); // e.g. an event write failed
    expect(await b.reapExpired()).toEqual([runId]);
    expect(await b.reapExpired()).toEqual([]); // once
    expect(await b.claim(runId)).toBe(true);
    const run = await database.db.run.findUniqueOrThrow({ where: { id: runId }, select: { status: true, leaseOwner: true, attempts: true } });
    expect(run).toEqual({ status: "running", leaseOwner: "worker-b", attempts: 2 });
  });

  it("a worker that lost its lease can't renew or release what another worker now holds", async () => {
    const a = new RunLease(database.db, "worker-a", 60_000);
    expect(await a.renew(runId)).toBe(false);
    await a.release(runId);
    const run = await database.db.run.findUniqueOrThrow({ where: { id: runId }, select: { leaseOwner: true, leaseExpiresAt: true } });
    expect(run.leaseOwner).toBe("worker-b");
    expect(run.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("stamps times in UTC, as Prisma reads them, even on a server whose default zone is not UTC", async () => {
    const database2 = await createTestDatabase();
    const name = new URL(database2.url).pathname.slice(1);
    await database2.db.$executeRawUnsafe(`ALTER DATABASE "${name}" SET timezone TO 'America/New_York'`);
    const db = createDb(database2.url, { poolSize: 1 });
    try {
      const user = await db.user.create({ data: { id: "tz-user", name: "Tz", email: "tz@example.com" }, select: { id: true } });
      const workspace = await db.workspace.create({ data: { name: "Zones" }, select: { id: true } });
      const flow = await db.flow.create({ data: { workspaceId: workspace.id, name: "F", createdById: user.id, latestVersion: 1 }, select: { id: true } });
      const version = await db.flowVersion.create({ data: { flowId: flow.id, version: 1, document: {}, createdById: user.id }, select: { id: true } });
      const run = await db.run.create({ data: { flowId: flow.id, flowVersionId: version.id, workspaceId: workspace.id, inputs: {}, seed: 1 }, select: { id: true } });
      const lease = new RunLease(db, "worker-tz", 60_000);
      expect(await lease.claim(run.id)).toBe(true);
      const stamped = await db.run.findUniqueOrThrow({ where: { id: run.id }, select: { startedAt: true, leaseExpiresAt: true } });
      expect(Math.abs(stamped.startedAt!.getTime() - Date.now())).toBeLessThan(30_000);
      expect(Math.abs(stamped.leaseExpiresAt!.getTime() - (Date.now() + 60_000))).toBeLessThan(30_000);
    } finally {
      await db.$disconnect();
      await database2.drop();
    }
  });
});
