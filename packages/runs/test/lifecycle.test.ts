import { describe, expect, it } from "vitest";
import type { RunEvent } from "@switchyard/core";
import { createDb, createSqlPool } from "@switchyard/db";
import { LeaseLostError } from "../src/fence";
import type { RunDispatch } from "../src/run-jobs";
import { RunLifecycle } from "../src/run-lifecycle";
import { completedNode, completedRun, delta, started } from "./support/events";
import { useLifecycle } from "./support/lifecycle-harness";

const h = useLifecycle();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runRow(runId: string) {
  return h.db.run.findUniqueOrThrow({ where: { id: runId }, select: { status: true, leaseOwner: true, attempts: true, interruptions: true, lastSeq: true, error: true } });
}

describe("creating a run", () => {
  it("records it with exactly one job, in one transaction", async () => {
    const runId = await h.newRun(h.lifecycle());
    expect(await h.liveJobs(runId)).toBe(1);
    expect((await runRow(runId)).status).toBe("queued");
  });

  it("writes neither when the queue takes no job: the run is recorded by the statement that queues its job", async () => {
    const before = await h.db.run.count();
    // The queue refuses this one job (as a full or missing queue would): no row for it.
    await h.db.$executeRawUnsafe(`CREATE FUNCTION refuse_job() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`);
    await h.db.$executeRawUnsafe(`CREATE TRIGGER refuse_job BEFORE INSERT ON pgboss.job FOR EACH ROW EXECUTE FUNCTION refuse_job()`);
    try {
      await expect(h.newRun(h.lifecycle())).rejects.toThrow("took no job");
      expect(await h.db.run.count()).toBe(before);
    } finally {
      await h.db.$executeRawUnsafe(`DROP TRIGGER refuse_job ON pgboss.job`);
    }
    expect(await h.liveJobs(await h.newRun(h.lifecycle()))).toBe(1);
  });

  it("leaves no run behind when its job cannot be queued", async () => {
    const failing: RunDispatch = { send: () => Promise.reject(new Error("queue down")), sendWith: () => Promise.reject(new Error("queue down")), abort: async () => undefined };
    const before = await h.db.run.count();
    await expect(h.newRun(new RunLifecycle({ sql: h.sql, dispatch: failing }))).rejects.toThrow("queue down");
    expect(await h.db.run.count()).toBe(before);
  });
});

describe("claims and fencing", () => {
  it("lets one worker hold a run; neither another worker nor the holder itself claims it again", async () => {
    const lifecycle = h.lifecycle();
    const runId = await h.newRun(lifecycle);
    const a = await lifecycle.claim(runId, "worker-a");
    expect(a?.lease).toEqual({ runId, owner: "worker-a", token: 1 });
    expect(a?.run).toMatchObject({ inputs: {}, seed: 1, lastSeq: 0, cancelRequested: false, startedAt: expect.any(Date) });
    expect(await lifecycle.claim(runId, "worker-b")).toBeUndefined();
    expect(await lifecycle.claim(runId, "worker-a")).toBeUndefined();
  });

  it("refuses every write of a worker whose run was taken over, and keeps the new holder's", async () => {
    const lifecycle = h.lifecycle({ leaseMs: 50 });
    const runId = await h.newRun(lifecycle);
    const a = (await lifecycle.claim(runId, "worker-a"))!.lease;
    await lifecycle.append(runId, [started(runId, 1), delta(runId, 2, "m", "Can")], a);
    await sleep(80); // worker-a stops renewing
    expect((await lifecycle.reap()).requeued).toContain(runId);
    const b = (await lifecycle.claim(runId, "worker-b"))!.lease;
    expect(b.token).toBe(2);

    await expect(lifecycle.append(runId, [completedNode(runId, 3, "m", "Sydney")], a)).rejects.toBeInstanceOf(LeaseLostError);
    await lifecycle.append(runId, [completedNode(runId, 3, "m", "Canberra"), completedRun(runId, 4, "Canberra")], b);
    const events = await lifecycle.readEvents(runId, 0);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[2]).toMatchObject({ output: { text: "Canberra" } });
    expect(await h.db.nodeResult.findMany({ where: { runId }, select: { result: true } })).toEqual([{ result: expect.objectContaining({ output: { value: "Canberra", text: "Canberra" } }) }]);
    expect(await runRow(runId)).toMatchObject({ status: "completed", leaseOwner: null, lastSeq: 4 });
  });

  it("renews all of a worker's leases in one call and reports the ones it lost", async () => {
    const lifecycle = h.lifecycle({ leaseMs: 60_000 });
    const [r1, r2] = [await h.newRun(lifecycle), await h.newRun(lifecycle)];
    await lifecycle.claim(r1, "worker-renew");
    await lifecycle.claim(r2, "worker-renew");
    expect([...(await lifecycle.renew("worker-renew")).keys()].sort()).toEqual([r1, r2].sort());
    await lifecycle.cancel(r2); // flags it; still held
    await lifecycle.append(r1, [completedRun(r1, 1, "done")], { runId: r1, owner: "worker-renew", token: 1 });
    expect([...(await lifecycle.renew("worker-renew")).keys()]).toEqual([r2]);
  });
});

describe("retries: one door, with a cap", () => {
  it("a graceful hand-back queues the run once; the reaper does not queue it again", async () => {
    const lifecycle = h.lifecycle({ leaseMs: 20 });
    const runId = await h.newRun(lifecycle);
    await h.jobs.complete((await h.jobs.fetch(100)).map((j) => j.id));
    const lease = (await lifecycle.claim(runId, "worker-a"))!.lease;
    expect(await lifecycle.handBack(lease, { graceful: true })).toBe("requeued");
    await sleep(40);
    expect((await lifecycle.reap()).requeued).not.toContain(runId);
    expect(await h.liveJobs(runId)).toBe(1);
    expect(await runRow(runId)).toMatchObject({ status: "running", leaseOwner: null, interruptions: 0 });
    expect(await lifecycle.handBack(lease, { graceful: true })).toBe("not-held");
  });

  it("a run interrupted again and again ends as failed with the last reason, and gets no more jobs", async () => {
    const lifecycle = h.lifecycle({ leaseMs: 20, maxInterruptions: 3 });
    const runId = await h.newRun(lifecycle);
    await lifecycle.append(runId, [started(runId, 1)], { unclaimed: true });
    const first = (await lifecycle.claim(runId, "worker-a"))!.lease;
    await lifecycle.append(runId, [completedNode(runId, 2, "m", "paid once", 0.25)], first);
    expect(await lifecycle.handBack(first, { reason: "could not store an event" })).toBe("requeued");
    const second = (await lifecycle.claim(runId, "worker-b"))!.lease;
    await sleep(40); // worker-b dies
    expect((await lifecycle.reap()).requeued).toEqual([runId]);
    const third = (await lifecycle.claim(runId, "worker-c"))!.lease;
    expect(third.token).toBe(second.token + 1);
    await sleep(40);
    expect(await lifecycle.reap()).toEqual({ requeued: [], failed: [runId] });

    const run = await runRow(runId);
    expect(run).toMatchObject({ status: "failed", leaseOwner: null, interruptions: 3 });
    expect(run.error).toEqual({ code: "interrupted", message: "The run was stopped after 3 interrupted attempts; the last: its worker stopped responding while running it (crashed, killed or cut off)." });
    const last = (await lifecycle.readEvents(runId, 0)).at(-1);
    expect(last).toMatchObject({ type: "run.failed", seq: 3, costUsd: 0.25, tokens: { input: 3, output: 4 } });
    expect(await lifecycle.claim(runId, "worker-d")).toBeUndefined();
  });
});

describe("cancelling", () => {
  it("ends a queued run at once; a held one is flagged for its worker", async () => {
    const lifecycle = h.lifecycle();
    const queued = await h.newRun(lifecycle);
    expect(await lifecycle.cancel(queued)).toBe("cancelled");
    expect((await runRow(queued)).status).toBe("cancelled");
    expect(await lifecycle.claim(queued, "worker-a")).toBeUndefined();
    expect(await lifecycle.cancel(queued)).toBe("finished");

    const held = await h.newRun(lifecycle);
    await lifecycle.claim(held, "worker-a");
    expect(await lifecycle.cancel(held)).toBe("cancelling");
    expect((await h.db.run.findUniqueOrThrow({ where: { id: held }, select: { cancelRequested: true } })).cancelRequested).toBe(true);
  });
});

describe("storing and reading events", () => {
  it("stores text Postgres would refuse, with U+FFFD in place of the bad characters", async () => {
    const lifecycle = h.lifecycle();
    const runId = await h.newRun(lifecycle);
    const lease = (await lifecycle.claim(runId, "worker-a"))!.lease;
    await lifecycle.append(runId, [delta(runId, 1, "m", "a\u0000b\uD800"), completedNode(runId, 2, "m", "x\u0000")], lease);
    const events = await lifecycle.readEvents(runId, 0);
    expect(events.map((e) => ("text" in e ? e.text : undefined))).toEqual(["a\uFFFDb\uFFFD", undefined]);
    expect(events[1]).toMatchObject({ output: { text: "x\uFFFD" } });
  });

  it("pages a long run by size, never returning nothing", async () => {
    const lifecycle = h.lifecycle();
    const runId = await h.newRun(lifecycle);
    const lease = (await lifecycle.claim(runId, "worker-a"))!.lease;
    const chunk = "x".repeat(10_000);
    await lifecycle.append(runId, Array.from({ length: 10 }, (_, i) => delta(runId, i + 1, "m", chunk)), lease);
    const page = await lifecycle.readEvents(runId, 0, { maxBytes: 35_000 });
    expect(page.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect((await lifecycle.readEvents(runId, 4, { maxBytes: 10 })).map((e) => e.seq)).toEqual([5]);
    expect(await lifecycle.readEvents(runId, 10, { maxBytes: 10 })).toEqual([]);
  });
});

describe("the database's clock", () => {
  it("stamps lease times in UTC, as Prisma reads them, even on a server whose default zone is not UTC", async () => {
    const name = new URL(h.url).pathname.slice(1);
    await h.db.$executeRawUnsafe(`ALTER DATABASE "${name}" SET timezone TO 'America/New_York'`);
    const db = createDb(h.url, { poolSize: 1 });
    const sql = createSqlPool(h.url, { max: 1 });
    try {
      const lifecycle = new RunLifecycle({ sql, dispatch: h.jobs, leaseMs: 60_000 });
      const runId = await h.newRun(lifecycle);
      expect(await lifecycle.claim(runId, "worker-tz")).toBeDefined();
      const stamped = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { startedAt: true, leaseExpiresAt: true } });
      expect(Math.abs(stamped.startedAt!.getTime() - Date.now())).toBeLessThan(30_000);
      expect(Math.abs(stamped.leaseExpiresAt!.getTime() - (Date.now() + 60_000))).toBeLessThan(30_000);
    } finally {
      await db.$disconnect();
      await sql.end();
    }
  });
});

describe("node results", () => {
  it("keep what the engine said was repaired or cut, so a resumed run shows it too", async () => {
    const lifecycle = h.lifecycle();
    const runId = await h.newRun(lifecycle);
    const lease = (await lifecycle.claim(runId, "worker-a"))!.lease;
    await lifecycle.append(runId, [{ ...completedNode(runId, 1, "m", "cut \uFFFD"), replacedChars: 1, truncated: "output_limit" } as RunEvent], lease);
    const [row] = await h.db.nodeResult.findMany({ where: { runId }, select: { result: true } });
    expect(row?.result).toMatchObject({ status: "completed", replacedChars: 1, truncated: "output_limit" });
  });
});
