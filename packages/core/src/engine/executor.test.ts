import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { eventsOf, flow, nodeEvent, nodeEvents, outputOf, run } from "../test-support/run-helpers";
import { ModelError } from "../model/model-errors";

const cascade = flow({
  nodes: [
    { id: "in", type: "input", data: { name: "question" } },
    { id: "fast", type: "model", data: { model: "t:fast", prompt: "{{input.question}}", confidence: "self-report" } },
    { id: "gate", type: "gate", data: { threshold: 0.8 } },
    { id: "strong", type: "model", data: { model: "t:strong", prompt: "{{input.question}}", retry: { maxAttempts: 2, baseDelayMs: 1 } } },
    { id: "backup", type: "model", data: { model: "t:backup", prompt: "{{input.question}}", retry: { maxAttempts: 2, baseDelayMs: 1 } } },
    { id: "sorry", type: "constant", data: { value: "busy" } },
    { id: "out", type: "output", data: { name: "answer" } },
  ],
  edges: [
    { source: "in", target: "fast" },
    { source: "fast", target: "gate" },
    { source: "gate", sourceHandle: "pass", target: "out" },
    { source: "gate", sourceHandle: "escalate", target: "strong" },
    { source: "strong", target: "out" },
    { source: "strong", target: "backup", kind: "fallback", on: ["error", "timeout"] },
    { source: "backup", target: "sorry", kind: "fallback" },
    { source: "backup", target: "out" },
    { source: "sorry", target: "out" },
  ],
});

describe("executor: cascade with fallback", () => {
  it("passes a confident answer and skips the escalation branch", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Canberra. Confidence: 92%", "t:strong": "x", "t:backup": "y" });
    const { result, events } = await run(cascade, { gateway });
    expect(result.status).toBe("completed");
    expect(result.outputs).toEqual({ answer: "Canberra. Confidence: 92%" });
    expect(nodeEvents(events, "strong")).toEqual(["node.skipped"]);
    expect(nodeEvents(events, "backup")).toEqual(["node.skipped"]);
    expect(gateway.callsTo("t:strong")).toHaveLength(0);
  });

  it("escalates a low-confidence answer to the strong model", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Sydney? Confidence: 40%", "t:strong": "Canberra", "t:backup": "y" });
    const { result, events } = await run(cascade, { gateway });
    expect(result.outputs).toEqual({ answer: "Canberra" });
    const gate = events.find((e) => e.type === "node.completed" && e.nodeId === "gate");
    expect(gate).toMatchObject({ output: { decision: "escalate", confidence: 0.4 } });
  });

  it("walks the fallback chain to the default response when every model fails", async () => {
    const down = new ModelError("server_error", "HTTP 500", { status: 500 });
    const gateway = new ScriptedGateway({ "t:fast": "? Confidence: 10%", "t:strong": down, "t:backup": down });
    const { result, events } = await run(cascade, { gateway });
    expect(result.status).toBe("completed");
    expect(result.outputs).toEqual({ answer: "busy" });
    expect(nodeEvents(events, "strong")).toEqual(["node.started", "node.retry", "node.failed", "node.fallback"]);
    expect(nodeEvents(events, "backup")).toEqual(["node.started", "node.retry", "node.failed", "node.fallback"]);
    expect(events.filter((e) => e.type === "node.fallback").map((e) => [e.from, e.to, e.reason])).toEqual([
      ["strong", "backup", "error"],
      ["backup", "sorry", "error"],
    ]);
  });
});

const q = "{{input.question}}";
const fail = (code: "auth" | "server_error" | "bad_request", status: number) => new ModelError(code, `HTTP ${status}`, { status });

describe("executor: concurrency", () => {
  it("runs independent branches concurrently: 5 branches of 50 ms take about 50 ms, not 250", async () => {
    const ids = ["a", "b", "c", "d", "e"];
    const doc = flow({
      nodes: [
        { id: "in", type: "input", data: { name: "question" } },
        ...ids.map((id) => ({ id, type: "model", data: { model: `t:${id}`, prompt: q } })),
        { id: "join", type: "template", data: { template: ids.map((id) => `{{nodes.${id}}}`).join(",") } },
        { id: "out", type: "output" },
      ],
      edges: [...ids.flatMap((id) => [{ source: "in", target: id }, { source: id, target: "join" }]), { source: "join", target: "out" }],
    });
    const gateway = new ScriptedGateway(Object.fromEntries(ids.map((id) => [`t:${id}`, id.toUpperCase()])), { latencyMs: 50 });
    const started = Date.now();
    const { result, events } = await run(doc, { gateway });
    const elapsed = Date.now() - started;
    expect(result.outputs).toEqual({ out: "A,B,C,D,E" });
    expect(elapsed).toBeLessThan(200);
    // all five started before the first one finished
    const firstCompletion = events.findIndex((e) => e.type === "node.completed" && ids.includes(e.nodeId));
    expect(events.slice(0, firstCompletion).filter((e) => e.type === "node.started" && ids.includes(e.nodeId))).toHaveLength(5);
  });

  it("maxConcurrency limits the calls in flight", async () => {
    const ids = ["a", "b", "c", "d"];
    const doc = flow({
      settings: { maxConcurrency: 2 },
      nodes: [...ids.map((id) => ({ id, type: "model", data: { model: `t:${id}`, prompt: q } })), { id: "out", type: "output" }],
      edges: ids.map((id) => ({ source: id, target: "out" })),
    });
    const gateway = new ScriptedGateway(Object.fromEntries(ids.map((id) => [`t:${id}`, id])), { latencyMs: 30 });
    const started = Date.now();
    const { result } = await run(doc, { gateway });
    expect(result.status).toBe("completed");
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe("executor: failures and skips", () => {
  const pipeline = flow({
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: "a", type: "model", data: { model: "t:a", prompt: q, retry: { maxAttempts: 3, baseDelayMs: 1 } } },
      { id: "b", type: "model", data: { model: "t:b", prompt: "{{nodes.a}}" } },
      { id: "c", type: "template", data: { template: "{{nodes.b}}" } },
      { id: "side", type: "constant", data: { value: "side" } },
      { id: "out", type: "output", data: { name: "answer" } },
      { id: "other", type: "output", data: { name: "other" } },
    ],
    edges: [
      { source: "in", target: "a" },
      { source: "a", target: "b" },
      { source: "b", target: "c" },
      { source: "c", target: "out" },
      { source: "side", target: "other" },
    ],
  });

  it("a failure with no fallback fails the run naming the node; everything downstream is skipped naming it", async () => {
    const gateway = new ScriptedGateway({ "t:a": fail("auth", 401), "t:b": "never" });
    const { result, events } = await run(pipeline, { gateway });
    expect(gateway.callsTo("t:a")).toHaveLength(1);
    expect(gateway.callsTo("t:b")).toHaveLength(0);
    expect(result.status).toBe("failed");
    expect(result.error).toEqual({ code: "node_failed", message: "node 'a' failed: HTTP 401", nodeId: "a" });
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: "run.failed", error: { code: "node_failed", nodeId: "a" }, outputs: { other: "side" } });
    expect(nodeEvent(events, "node.failed", "a")).toMatchObject({ error: { code: "auth", status: 401, nodeId: "a", message: "HTTP 401" }, attempts: 1 });
    for (const id of ["b", "c", "out"]) expect(nodeEvent(events, "node.skipped", id).reason).toBe("upstream 'a' failed");
    expect(result.outputs).toEqual({ other: "side" });
  });

  it("a node whose only input failed and was replaced by a fallback is skipped, not run with nothing", async () => {
    const doc = flow({
      nodes: [
        { id: "a", type: "model", data: { model: "t:a", prompt: q } },
        { id: "post", type: "model", data: { model: "t:post", prompt: "polish: {{nodes.a}}" } },
        { id: "b", type: "constant", data: { value: "fallback value" } },
        { id: "out", type: "output" },
        { id: "polished", type: "output" },
      ],
      edges: [
        { source: "a", target: "post" },
        { source: "a", target: "b", kind: "fallback" },
        { source: "b", target: "out" },
        { source: "post", target: "polished" },
      ],
    });
    const gateway = new ScriptedGateway({ "t:a": fail("bad_request", 400), "t:post": "polished" });
    const { result, events } = await run(doc, { gateway });
    expect(gateway.callsTo("t:post")).toHaveLength(0);
    expect(nodeEvent(events, "node.skipped", "post").reason).toBe("upstream 'a' failed");
    expect(result).toMatchObject({ status: "completed", outputs: { out: "fallback value" } });
  });
});

describe("executor: fallback edges", () => {
  function chain(length: number, on?: ("error" | "timeout")[]) {
    const ids = Array.from({ length }, (_, i) => `m${i + 1}`);
    return flow({
      nodes: [
        ...ids.map((id) => ({ id, type: "model", data: { model: `t:${id}`, prompt: q, retry: { maxAttempts: 1 } } })),
        { id: "sorry", type: "constant", data: { value: "sorry" } },
        { id: "out", type: "output" },
      ],
      edges: [
        ...ids.flatMap((id, i) => [
          { source: id, target: ids[i + 1] ?? "sorry", kind: "fallback" as const, ...(on ? { on } : {}) },
          { source: id, target: "out" },
        ]),
        { source: "sorry", target: "out" },
      ],
    });
  }

  it("walks a chain of four models to the default response", async () => {
    const down = fail("server_error", 503);
    const gateway = new ScriptedGateway({ "t:m1": down, "t:m2": down, "t:m3": down, "t:m4": down });
    const { result, events } = await run(chain(4), { gateway });
    expect(result).toMatchObject({ status: "completed", outputs: { out: "sorry" } });
    expect(eventsOf(events, "node.fallback").map((e) => `${e.from}>${e.to}:${e.reason}`)).toEqual(["m1>m2:error", "m2>m3:error", "m3>m4:error", "m4>sorry:error"]);
  });

  it("stops at the first link that works; the rest are skipped", async () => {
    const down = fail("server_error", 500);
    const gateway = new ScriptedGateway({ "t:m1": down, "t:m2": down, "t:m3": "third", "t:m4": "fourth" });
    const { result, events } = await run(chain(4), { gateway });
    expect(result.outputs).toEqual({ out: "third" });
    expect(nodeEvents(events, "m4")).toEqual(["node.skipped"]);
    expect(nodeEvents(events, "sorry")).toEqual(["node.skipped"]);
    expect(gateway.callsTo("t:m4")).toHaveLength(0);
  });

  it("a per-attempt timeout fails with code 'timeout' and takes on:['timeout'] edges but not on:['error'] ones", async () => {
    const doc = flow({
      nodes: [
        { id: "slow", type: "model", data: { model: "t:slow", prompt: q, timeoutMs: 20, retry: { maxAttempts: 1 } } },
        { id: "onTimeout", type: "constant", data: { value: "timed out" } },
        { id: "onError", type: "constant", data: { value: "errored" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "slow", target: "out" },
        { source: "slow", target: "onTimeout", kind: "fallback", on: ["timeout"] },
        { source: "slow", target: "onError", kind: "fallback", on: ["error"] },
        { source: "onTimeout", target: "out" },
        { source: "onError", target: "out" },
      ],
    });
    const started = Date.now();
    const { result, events } = await run(doc, { gateway: new ScriptedGateway({ "t:slow": "hang" }) });
    expect(Date.now() - started).toBeLessThan(500);
    expect(nodeEvent(events, "node.failed", "slow").error).toEqual({ code: "timeout", message: "t:slow did not answer within 20 ms", nodeId: "slow" });
    expect(nodeEvent(events, "node.fallback", "slow")).toMatchObject({ to: "onTimeout", reason: "timeout" });
    expect(nodeEvents(events, "onError")).toEqual(["node.skipped"]);
    expect(result.outputs).toEqual({ out: "timed out" });
  });

  it("an error takes on:['error'] edges but not on:['timeout'] ones", async () => {
    const doc = chain(1, ["timeout"]);
    const { result, events } = await run(doc, { gateway: new ScriptedGateway({ "t:m1": fail("bad_request", 400) }) });
    expect(nodeEvents(events, "sorry")).toEqual(["node.skipped"]);
    expect(result.status).toBe("failed");
    expect(result.error?.nodeId).toBe("m1");
  });

  describe("low_confidence", () => {
    const doc = flow({
      nodes: [
        { id: "fast", type: "model", data: { model: "t:fast", prompt: q, confidence: "self-report" } },
        { id: "strong", type: "model", data: { model: "t:strong", prompt: q } },
        { id: "summary", type: "template", data: { template: "got {{nodes.fast.text}}" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "fast", target: "out" },
        { source: "fast", target: "summary" },
        { source: "fast", target: "strong", kind: "fallback", on: ["low_confidence", "error"], threshold: 0.8 },
        { source: "strong", target: "out" },
      ],
    });

    it("below the threshold, the fallback supersedes the source's output", async () => {
      const gateway = new ScriptedGateway({ "t:fast": "Sydney. Confidence: 40%", "t:strong": "Canberra" });
      const { result, events } = await run(doc, { gateway });
      expect(nodeEvents(events, "fast")).toEqual(["node.started", "node.delta", "node.completed", "node.fallback"]);
      expect(nodeEvent(events, "node.fallback", "fast")).toMatchObject({ from: "fast", to: "strong", reason: "low_confidence" });
      expect(result.outputs).toEqual({ out: "Canberra" });
      expect(nodeEvent(events, "node.skipped", "summary").reason).toBe("branch not taken");
    });

    it("at or above the threshold, the fallback is not taken", async () => {
      const gateway = new ScriptedGateway({ "t:fast": "Canberra. Confidence: 80%", "t:strong": "x" });
      const { result, events } = await run(doc, { gateway });
      expect(result.outputs).toEqual({ out: "Canberra. Confidence: 80%" });
      expect(nodeEvents(events, "strong")).toEqual(["node.skipped"]);
      expect(outputOf(events, "summary").value).toBe("got Canberra. Confidence: 80%");
    });
  });
});

describe("executor: events", () => {
  it("seq increases by one from 1; every event has the runId, every node event a nodeId", async () => {
    const down = new ModelError("server_error", "HTTP 500", { status: 500 });
    const gateway = new ScriptedGateway({ "t:fast": "? Confidence: 10%", "t:strong": down, "t:backup": down });
    const { result, events } = await run(cascade, { gateway, runId: "run-x" });
    expect(result.runId).toBe("run-x");
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.every((e) => e.runId === "run-x")).toBe(true);
    expect(events.every((e) => !Number.isNaN(Date.parse(e.time)))).toBe(true);
    const nodeScoped = events.filter((e) => e.type.startsWith("node."));
    expect(nodeScoped.length).toBeGreaterThan(10);
    for (const e of nodeScoped) expect(typeof (e as { nodeId?: unknown }).nodeId).toBe("string");
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(["run.started", "node.started", "node.delta", "node.completed", "node.retry", "node.failed", "node.fallback", "run.completed"]),
    );
    expect(events[0]).toMatchObject({ type: "run.started", flowName: "test", inputs: { question: "q" }, seed: 1 });
  });

  it("node costs and tokens add up to the run totals", async () => {
    const gateway = new ScriptedGateway(
      { "t:fast": "Sydney? Confidence: 40%", "t:strong": "Canberra is the capital of Australia", "t:backup": "y" },
      { price: { inputPerMTok: 3, outputPerMTok: 15 } },
    );
    const { result, events } = await run(cascade, { gateway, inputs: { question: "What is the capital of Australia?" } });
    const settled = [...eventsOf(events, "node.completed"), ...eventsOf(events, "node.failed")];
    const cost = settled.reduce((sum, e) => sum + e.costUsd, 0);
    expect(cost).toBeGreaterThan(0);
    expect(result.costUsd).toBeCloseTo(cost, 15);
    expect(result.tokens).toEqual({
      input: settled.reduce((sum, e) => sum + e.usage.input, 0),
      output: settled.reduce((sum, e) => sum + e.usage.output, 0),
    });
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: "run.completed", costUsd: result.costUsd, tokens: result.tokens, outputs: { answer: "Canberra is the capital of Australia" } });
  });
});
