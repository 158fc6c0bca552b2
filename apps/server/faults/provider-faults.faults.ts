import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@switchyard/core";
import { expectEventLog, pipeline, rssMb, sample, startFaultWorld, type FaultWorld } from "./support/fault-harness";

let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld({ faults: { delayMs: 50 } });
});

afterAll(async () => {
  await world?.close();
});

/** Runs a one-model flow (plus `extra` nodes) on `model` with `data`, to its end; returns its stored events. */
async function runOne(name: string, model: string, data: Record<string, unknown> = {}, extra: { nodes?: unknown[]; edges?: unknown[] } = {}) {
  const tag = `${name}-${Date.now()}`;
  const flowId = await world.importFlow(pipeline(name, [{ id: "m", model, prompt: `${name} {{input.tag}}`, data }], extra));
  const runId = await world.start(flowId, { tag });
  const end = await world.waitForEnd(runId);
  const events = await world.events(runId);
  expectEventLog(events);
  // Nothing paid for twice, nothing in flight twice at once.
  const books = world.faults.stats(`${name} ${tag}`);
  expect(books.answered).toBeLessThanOrEqual(1);
  expect(books.maxInFlight).toBeLessThanOrEqual(1);
  return { end, events, books };
}

const nodeEvent = <T extends RunEvent["type"]>(events: RunEvent[], type: T) => events.find((e) => e.type === type && "nodeId" in e && e.nodeId === "m") as Extract<RunEvent, { type: T }> | undefined;
const fast = { retry: { maxAttempts: 3, baseDelayMs: 50, factor: 1, jitter: 0 } };

describe("a provider that misbehaves", () => {
  it("429 with Retry-After: the call waits as told, retries once and the run completes", async () => {
    const { end, events, books } = await runOne("limited", "faulty:rate-limited", fast);
    expect(end.type).toBe("run.completed");
    expect(books).toMatchObject({ calls: 2, answered: 1 });
    expect(nodeEvent(events, "node.retry")).toMatchObject({ error: { code: "rate_limited", status: 429 }, delayMs: expect.any(Number) });
    expect(nodeEvent(events, "node.retry")!.delayMs).toBeGreaterThanOrEqual(1000);
  });

  it("500: retried, and when it keeps failing the run fails naming the node — or its fallback answers", async () => {
    expect((await runOne("flaky", "faulty:flaky-500", fast)).end.type).toBe("run.completed");
    const failing = await runOne("down", "faulty:error-500", fast);
    expect(failing.end).toMatchObject({ type: "run.failed", error: { message: expect.stringMatching(/^node 'm' failed: .*500/) } });
    expect(failing.books.calls).toBe(3);
    const fallback = await runOne("down-fallback", "faulty:error-500", fast, {
      nodes: [{ id: "sorry", type: "constant", data: { value: "busy" } }],
      edges: [
        { source: "m", target: "sorry", kind: "fallback", on: ["error"] },
        { source: "sorry", target: "out" },
      ],
    });
    expect(fallback.end).toMatchObject({ type: "run.completed", outputs: { answer: "busy" } });
  });

  it("a hung call: each attempt times out, and the run fails naming the node", async () => {
    const { end, books } = await runOne("hung", "faulty:hang", { timeoutMs: 300, retry: { maxAttempts: 2, baseDelayMs: 10 } });
    expect(end).toMatchObject({ type: "run.failed", error: { message: expect.stringMatching(/^node 'm' failed: .*did not answer within 300 ms/) } });
    expect(books.calls).toBe(2);
  });

  it("a 200 whose body breaks off is a retryable error, on the OpenAI provider and on OpenAI-compatible ones", async () => {
    for (const model of ["openai:broken", "faulty:broken"]) {
      const { end, books, events } = await runOne(`broken-${model.split(":")[0]}`, model, fast);
      expect({ model, end: end.type, calls: books.calls }).toEqual({ model, end: "run.completed", calls: 2 });
      expect(nodeEvent(events, "node.retry")?.error.code).toBe("server_error");
    }
    const always = await runOne("broken-always", "openai:broken-always", fast);
    expect(always.end).toMatchObject({ type: "run.failed", error: { message: expect.stringMatching(/^node 'm' failed: /) } });
  });

  it("NUL and a lone surrogate in the reply: stored as U+FFFD, said so, called exactly once", async () => {
    const { end, events, books } = await runOne("nul", "faulty:nul");
    expect(end).toMatchObject({ type: "run.completed", outputs: { answer: "Canberra\uFFFD is the capital \uFFFDof Australia" } });
    expect(nodeEvent(events, "node.completed")).toMatchObject({ replacedChars: 2 });
    expect(books.calls).toBe(1);
  });

  it("a 20 MB reply: cut at the server's output limit into bounded events, the server staying under 400 MB", async () => {
    const memory = sample(() => rssMb(world.server.child.pid!), 50);
    const { end, events } = await runOne("huge", "faulty:huge");
    const peak = Math.max(...(await memory.stop()));
    expect(end.type).toBe("run.completed");
    expect(nodeEvent(events, "node.completed")).toMatchObject({ truncated: "output_limit" });
    const text = nodeEvent(events, "node.completed")!.output.text as string;
    expect(text.length).toBeLessThan(world.faults.hugeBytes / 10);
    expect(events.length).toBeLessThan(500);
    expect(Math.max(...events.map((e) => JSON.stringify(e).length))).toBeLessThan(2_500_000);
    expect(peak).toBeLessThan(400);
  });
});

describe("a flow that burns CPU", () => {
  it("a catastrophic regex leaves /healthz answering in under 100 ms, and the run ends in bounded time", async () => {
    const flow = {
      format: "switchyard.flow/v1",
      name: "Regex router",
      inputs: [{ name: "tag", type: "string" }],
      nodes: [
        { id: "in", type: "input", data: { name: "tag" } },
        { id: "r", type: "router", data: { strategy: "keyword", routes: [{ name: "evil", keywords: ["/(a+)+$/"] }, { name: "other" }], default: "other" } },
        { id: "e", type: "constant", data: { value: "matched" } },
        { id: "o", type: "constant", data: { value: "no match" } },
        { id: "out", type: "output", data: { name: "answer" } },
      ],
      edges: [
        { source: "in", target: "r" },
        { source: "r", sourceHandle: "evil", target: "e" },
        { source: "r", sourceHandle: "other", target: "o" },
        { source: "e", target: "out" },
        { source: "o", target: "out" },
      ],
    };
    const flowId = await world.importFlow(flow);
    const latency = sample(async () => {
      const started = performance.now();
      const res = await fetch(`${world.server.url}/healthz`);
      await res.arrayBuffer();
      return performance.now() - started;
    }, 20);
    const started = Date.now();
    const runIds = await Promise.all(Array.from({ length: 8 }, (_, i) => world.start(flowId, { tag: `${"a".repeat(30 + i * 10_000)}!` })));
    const ends = await Promise.all(runIds.map((id) => world.waitForEnd(id, 30_000)));
    // However quickly the runs went, /healthz is sampled for a second at least.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - started))));
    const samples = await latency.stop();
    expect(ends.map((e) => e.type)).toEqual(runIds.map(() => "run.completed"));
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(samples.length).toBeGreaterThan(20);
    expect(Math.max(...samples)).toBeLessThan(100);
  });
});
