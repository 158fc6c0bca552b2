import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectEventLog, pipeline, startFaultWorld, type FaultWorld } from "./support/fault-harness";

/** Three slow stages; prompts carry the run's tag, so the fault server counts calls per run and stage. */
const slow = pipeline("Slow pipeline", [
  { id: "s1", model: "faulty:slow", prompt: "s1 {{input.tag}}" },
  { id: "s2", model: "faulty:slow", prompt: "s2 {{input.tag}}: {{nodes.s1.text}}" },
  { id: "s3", model: "faulty:slow", prompt: "s3 {{input.tag}}: {{nodes.s2.text}}" },
]);

let world: FaultWorld;
let flowId: string;

beforeAll(async () => {
  // Stages slow enough that a run is still mid-way once a second worker has started.
  world = await startFaultWorld({ inProcessWorker: false, env: { SWITCHYARD_LEASE_MS: "1500", WORKER_CONCURRENCY: "4" }, faults: { slowMs: 2500 } });
  flowId = await world.importFlow(slow);
});

afterEach(async () => {
  await world.stopWorkers(); // a failed test must not leave a worker to take the next test's runs
});

afterAll(async () => {
  await world?.close();
});

/** Per stage of one run: calls made and answered, and the most in flight at once. */
const books = (tag: string) => ["s1", "s2", "s3"].map((stage) => world.faults.statsStartingWith(`${stage} ${tag}`));

describe("workers that die or stop mid-run", () => {
  it("SIGTERM hands every run back once: the stage in flight runs again once, nothing runs twice at once", async () => {
    // Worker A takes four runs (all it may hold at once); B starts, and then A is stopped while
    // each of its runs has a stage in flight. B gets A's four runs back and finishes them.
    const a = await world.worker();
    const tags = Array.from({ length: 4 }, (_, i) => `term-${i}`);
    const secondStages = Promise.all(tags.map((tag) => world.faults.received(`s2 ${tag}`)));
    const runIds = await Promise.all(tags.map((tag) => world.start(flowId, { tag })));
    const b = await world.worker();
    try {
      await secondStages;
      a.kill("SIGTERM");
      expect(await a.exited).toBe(0);
      const ends = await Promise.all(runIds.map((id) => world.waitForEnd(id)));
      expect(ends.map((e) => e.type)).toEqual(runIds.map(() => "run.completed"));
      // Each run re-ran the one stage it had in flight, once, on B; no stage that had answered was
      // called again; no stage ever had two calls in flight.
      const table = tags.map((tag) => ({ tag, calls: books(tag).map((s) => s.calls), answered: books(tag).map((s) => s.answered), maxInFlight: Math.max(...books(tag).map((s) => s.maxInFlight)) }));
      const wrong = table.filter(({ calls, answered, maxInFlight }) => answered.some((n) => n !== 1) || calls.reduce((a, b) => a + b) > 4 || maxInFlight !== 1);
      expect(wrong).toEqual([]);
      const rerun = table.filter(({ calls }) => calls.some((n) => n === 2)).length;
      expect(rerun).toBe(4); // every run A held, once
      for (const runId of runIds) expectEventLog(await world.events(runId));
    } finally {
      b.kill("SIGTERM");
      await b.exited;
    }
  });

  it("SIGKILL: another worker takes the run over and finished stages are not called (or paid for) again", async () => {
    const a = await world.worker();
    const runId = await world.start(flowId, { tag: "kill" });
    await world.faults.received("s2 kill");
    a.kill("SIGKILL");
    const b = await world.worker();
    try {
      const end = await world.waitForEnd(runId);
      expect(end).toMatchObject({ type: "run.completed" });
      const [s1, s2, s3] = books("kill");
      expect([s1!.calls, s2!.calls, s3!.calls]).toEqual([1, 2, 1]);
      expect([s1!.answered, s2!.answered, s3!.answered]).toEqual([1, 1, 1]);
      expectEventLog(await world.events(runId));
    } finally {
      b.kill("SIGTERM");
      await b.exited;
    }
  });

  it("a run whose worker keeps dying ends as failed after three interrupted attempts, with the reason", async () => {
    const runId = await world.start(flowId, { tag: "doomed" });
    for (let attempt = 1; attempt <= 3; attempt++) {
      const w = await world.worker();
      await world.faults.received(`s1 doomed`);
      w.kill("SIGKILL");
      await w.exited;
    }
    const b = await world.worker();
    try {
      const end = await world.waitForEnd(runId);
      expect(end).toMatchObject({ type: "run.failed", error: { code: "interrupted", message: expect.stringMatching(/stopped after 3 interrupted attempts; the last: its worker stopped responding/) } });
      expect(books("doomed")[0]!.calls).toBe(3);
      expectEventLog(await world.events(runId));
    } finally {
      b.kill("SIGTERM");
      await b.exited;
    }
  });
});
