import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectEventLog, pipeline, startFaultWorld, type FaultWorld } from "./support/fault-harness";

let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld({ env: { WORKER_CONCURRENCY: "32" }, faults: { delayMs: 100 } });
});

afterAll(async () => {
  await world?.close();
});

describe("a worker busy with many runs at once", () => {
  it("keeps every run it claims: each is executed once, its model called once", async () => {
    const flowId = await world.importFlow(pipeline("Burst", [{ id: "m", model: "faulty:ok", prompt: "burst {{input.tag}}" }]));
    const tags = Array.from({ length: 120 }, (_, i) => `b${i}`);
    const runIds = await Promise.all(tags.map((tag) => world.start(flowId, { tag })));
    const ends = await Promise.all(runIds.map((id) => world.waitForEnd(id)));
    expect(ends.filter((e) => e.type !== "run.completed")).toEqual([]);
    // A worker that took its own fresh claims for lost leases re-ran them: more attempts, more calls.
    const attempts = await world.database.db.run.groupBy({ by: ["attempts"], where: { id: { in: runIds } }, _count: true });
    expect(attempts.map((a) => ({ attempts: a.attempts, runs: a._count }))).toEqual([{ attempts: 1, runs: 120 }]);
    expect(tags.filter((tag) => world.faults.stats(`burst ${tag}`).calls !== 1)).toEqual([]);
    for (const runId of runIds.slice(0, 10)) expectEventLog(await world.events(runId));
  });
});
