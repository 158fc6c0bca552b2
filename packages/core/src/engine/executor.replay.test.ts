import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { compile, eventsOf, flow, nodeEvents, run, withoutTimings } from "../test-support/run-helpers";
import { ModelError } from "../model/model-errors";
import { hashString } from "../util/rng";
import type { ModelRequest } from "../model/model-gateway";
import type { RunEvent } from "../events/run-events";
import { runFlow } from "./executor";
import type { SettledNode } from "./node-state";

/** A model whose reply depends on the call's seed, like the simulated provider's reply lists. */
const seeded = (replies: string[]) => (request: ModelRequest) => replies[hashString(request.seed) % replies.length]!;

const ensemble = flow({
  nodes: [
    { id: "in", type: "input", data: { name: "question" } },
    { id: "a", type: "model", data: { model: "t:a", prompt: "{{input.question}}", retry: { maxAttempts: 3, baseDelayMs: 2, jitter: 0.5 } } },
    { id: "b", type: "model", data: { model: "t:b", prompt: "{{input.question}}" } },
    { id: "c", type: "model", data: { model: "t:c", prompt: "{{input.question}}" } },
    { id: "vote", type: "vote", data: { quorum: 2 } },
    { id: "out", type: "output" },
  ],
  edges: [
    ...["a", "b", "c"].flatMap((id) => [
      { source: "in", target: id },
      { source: id, target: "vote" },
    ]),
    { source: "vote", target: "out" },
  ],
});

function gateway() {
  const replies = ["Canberra", "Sydney", "Melbourne", "Perth"];
  return new ScriptedGateway({
    "t:a": (request) => (request.attempt === 1 ? new ModelError("server_error", "HTTP 500", { status: 500 }) : seeded(replies)(request)),
    "t:b": seeded(replies),
    "t:c": seeded(replies),
  });
}

describe("determinism", () => {
  it("the same flow, inputs and seed give the same events (apart from times and latencies)", async () => {
    const first = await run(ensemble, { gateway: gateway(), seed: 42, runId: "r" });
    const second = await run(ensemble, { gateway: gateway(), seed: 42, runId: "r" });
    expect(first.events.length).toBeGreaterThan(15);
    expect(withoutTimings(second.events)).toEqual(withoutTimings(first.events));
    expect(second.result.outputs).toEqual(first.result.outputs);
  });

  it("different seeds can give different events", async () => {
    const streams = await Promise.all([1, 2, 3, 4, 5, 6].map(async (seed) => JSON.stringify(withoutTimings((await run(ensemble, { gateway: gateway(), seed, runId: "r" })).events.slice(1)))));
    expect(new Set(streams).size).toBeGreaterThan(1);
  });
});

describe("resume", () => {
  const pipeline = flow({
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: "a", type: "model", data: { model: "t:a", prompt: "{{input.question}}" } },
      { id: "b", type: "model", data: { model: "t:b", prompt: "{{nodes.a}}" } },
      { id: "c", type: "model", data: { model: "t:c", prompt: "{{nodes.b}}" } },
      { id: "out", type: "output" },
    ],
    edges: [
      { source: "in", target: "a" },
      { source: "a", target: "b" },
      { source: "b", target: "c" },
      { source: "c", target: "out" },
    ],
  });

  /** Runs until `b` starts, then stops it, as a crashed worker would; returns what was persisted. */
  async function interrupted(): Promise<{ nodes: Record<string, SettledNode>; events: RunEvent[] }> {
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const gw = new ScriptedGateway({ "t:a": "A", "t:b": "hang", "t:c": "C" }, { price: { inputPerMTok: 1_000_000, outputPerMTok: 0 } });
    const result = await runFlow(compile(pipeline), {
      gateway: gw,
      inputs: { question: "q" },
      seed: 1,
      runId: "r1",
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e);
        if (e.type === "node.started" && e.nodeId === "b") controller.abort();
      },
    });
    const nodes = Object.fromEntries(Object.entries(result.nodes).filter(([, n]) => n.status === "completed"));
    return { nodes, events };
  }

  it("does not call models again for completed nodes, runs the rest once, and continues the seq", async () => {
    const before = await interrupted();
    expect(Object.keys(before.nodes)).toEqual(["in", "a"]);
    const nextSeq = before.events.at(-1)!.seq + 1;
    const gw = new ScriptedGateway({ "t:a": "A again", "t:b": "B", "t:c": "C" }, { price: { inputPerMTok: 1_000_000, outputPerMTok: 0 } });
    const { result, events } = await run(pipeline, { gateway: gw, runId: "r1", resume: { nodes: before.nodes, nextSeq } });
    expect(gw.calls.map((c) => [c.model, c.prompt])).toEqual([
      ["t:b", "A"],
      ["t:c", "B"],
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => nextSeq + i));
    expect(eventsOf(events, "run.started")).toEqual([]);
    expect(nodeEvents(events, "a")).toEqual([]);
    expect(nodeEvents(events, "b")).toEqual(["node.started", "node.delta", "node.completed"]);
    // a's cost ($1 for "q") counts toward the resumed run's total, plus b ($1) and c ($1)
    expect(result).toMatchObject({ status: "completed", outputs: { out: "C" }, costUsd: 3 });
    expect(result.nodes.a).toEqual(before.nodes.a);
  });

  it("resumes a run whose node ids are also Object.prototype names", async () => {
    const doc = flow({
      nodes: [
        { id: "constructor", type: "model", data: { model: "t:a", prompt: "{{input.question}}" } },
        { id: "toString", type: "template", data: { template: "<{{input.question}}>" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "constructor", target: "toString" },
        { source: "toString", target: "out" },
      ],
    });
    const gw = new ScriptedGateway({ "t:a": "A" });
    const { result } = await run(doc, { gateway: gw, resume: { nodes: {}, nextSeq: 5 } });
    expect(result).toMatchObject({ status: "completed", outputs: { out: "<q>" } });
    expect(gw.calls).toHaveLength(1);
  });

  it("a resumed vote still answers for its failed branches, whatever the node order", async () => {
    const doc = flow({
      nodes: [
        { id: "vote", type: "vote", data: { quorum: 2 } },
        { id: "out", type: "output" },
        { id: "a", type: "model", data: { model: "t:a", prompt: "{{input.question}}", retry: { maxAttempts: 1 } } },
        { id: "b", type: "model", data: { model: "t:b", prompt: "{{input.question}}" } },
        { id: "c", type: "model", data: { model: "t:c", prompt: "{{input.question}}" } },
      ],
      edges: [...["a", "b", "c"].map((id) => ({ source: id, target: "vote" })), { source: "vote", target: "out" }],
    });
    const refused = new ModelError("bad_request", "HTTP 400", { status: 400 });
    const first = await run(doc, { gateway: new ScriptedGateway({ "t:a": refused, "t:b": "x", "t:c": "x" }) });
    expect(first.result.status).toBe("completed");
    const { out: _out, ...beforeOutput } = first.result.nodes;
    const gw = new ScriptedGateway({});
    const { result } = await run(doc, { gateway: gw, resume: { nodes: beforeOutput, nextSeq: 100 } });
    expect(gw.calls).toHaveLength(0);
    expect(result).toMatchObject({ status: "completed", outputs: { out: "x" } });
  });
});
