import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { eventsOf, flow, nodeEvent, nodeEvents, run } from "../test-support/run-helpers";
import { ModelError } from "../model/model-errors";
import { Budget } from "./budget";

// $1 per token makes the arithmetic visible: the 4-byte prompt "abcd" reserves 2 input tokens (3 bytes a
// token, conservatively) and maxTokens 2 of output, so a call may cost up to $4; the scripted model bills $2.
const dollarPerToken = { price: { inputPerMTok: 1_000_000, outputPerMTok: 1_000_000 } };

const pipeline = flow({
  nodes: [
    { id: "a", type: "model", data: { model: "t:a", prompt: "abcd", maxTokens: 2 } },
    { id: "b", type: "model", data: { model: "t:b", prompt: "{{nodes.a}}", maxTokens: 2 } },
    { id: "out", type: "output" },
  ],
  edges: [
    { source: "a", target: "b" },
    { source: "b", target: "out" },
  ],
});

describe("run budget", () => {
  it("stops the run before a call that could exceed it; the call is never made", async () => {
    const gateway = new ScriptedGateway({ "t:a": "abcd", "t:b": "never" }, dollarPerToken);
    // a: reserves $4, costs $2 (1 token in, 1 out); b: $2 spent + $4 reserved > $4
    const { result, events } = await run(pipeline, { gateway, budgetUsd: 4 });
    expect(gateway.callsTo("t:a")).toHaveLength(1);
    expect(gateway.callsTo("t:b")).toHaveLength(0);
    expect(result.status).toBe("failed");
    expect(result.error).toEqual({
      code: "budget",
      nodeId: "b",
      message: "run budget of $4 would be exceeded: node 'b' may cost up to $4.000000 and $2.000000 is already spent or committed",
    });
    expect(events.at(-1)).toMatchObject({ type: "run.failed", error: { code: "budget", nodeId: "b" }, costUsd: 2 });
    expect(nodeEvents(events, "b")).toEqual(["node.started", "node.failed"]);
    expect(nodeEvent(events, "node.failed", "b").attempts).toBeUndefined();
    expect(events[0]).toMatchObject({ type: "run.started", budgetUsd: 4 });
  });

  it("lets the run finish when the budget covers the worst case", async () => {
    const gateway = new ScriptedGateway({ "t:a": "abcd", "t:b": "done" }, dollarPerToken);
    const { result } = await run(pipeline, { gateway, budgetUsd: 6 });
    expect(result).toMatchObject({ status: "completed", costUsd: 4, outputs: { out: "done" } });
  });

  it("reads settings.budgetUsd from the flow; the run option overrides it", async () => {
    const gateway = new ScriptedGateway({ "t:a": "abcd", "t:b": "done" }, dollarPerToken);
    const limited = { ...pipeline, settings: { budgetUsd: 4 } };
    expect((await run(limited, { gateway })).result.error?.code).toBe("budget");
    expect((await run(limited, { gateway, budgetUsd: 100 })).result.status).toBe("completed");
  });

  it("reserves for concurrent calls, so parallel branches cannot jointly overspend", async () => {
    const doc = flow({
      nodes: [
        { id: "a", type: "model", data: { model: "t:a", prompt: "abcd", maxTokens: 2 } },
        { id: "b", type: "model", data: { model: "t:b", prompt: "abcd", maxTokens: 2 } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "a", target: "out" },
        { source: "b", target: "out" },
      ],
    });
    const gateway = new ScriptedGateway({ "t:a": "hang", "t:b": "hang" }, dollarPerToken);
    const started = Date.now();
    const { result, events } = await run(doc, { gateway, budgetUsd: 5 });
    expect(Date.now() - started).toBeLessThan(2000); // both calls hang forever
    expect(gateway.calls.map((c) => c.model)).toEqual(["t:a"]);
    expect(result.error).toMatchObject({ code: "budget", nodeId: "b" });
    // the stop aborts the call already in flight
    expect(nodeEvent(events, "node.failed", "a").error.code).toBe("cancelled");
  });

  it("a budget stop takes no fallback", async () => {
    const doc = flow({
      nodes: [
        { id: "a", type: "model", data: { model: "t:a", prompt: "abcd", maxTokens: 2 } },
        { id: "sorry", type: "constant", data: { value: "sorry" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "a", target: "out" },
        { source: "a", target: "sorry", kind: "fallback" },
        { source: "sorry", target: "out" },
      ],
    });
    const { result, events } = await run(doc, { gateway: new ScriptedGateway({ "t:a": "x" }, dollarPerToken), budgetUsd: 1 });
    expect(result.error?.code).toBe("budget");
    expect(eventsOf(events, "node.fallback")).toEqual([]);
  });

  it("releases a failed attempt's reservation before the retry", async () => {
    const doc = flow({
      nodes: [
        { id: "a", type: "model", data: { model: "t:a", prompt: "abcd", maxTokens: 2, retry: { maxAttempts: 3, baseDelayMs: 1 } } },
        { id: "out", type: "output" },
      ],
      edges: [{ source: "a", target: "out" }],
    });
    const gateway = new ScriptedGateway({ "t:a": [new ModelError("server_error", "HTTP 500", { status: 500 }), "ok"] }, dollarPerToken);
    const { result } = await run(doc, { gateway, budgetUsd: 4 });
    expect(result).toMatchObject({ status: "completed", costUsd: 2 });
    expect(gateway.calls).toHaveLength(2);
  });
});

describe("run budget: other kinds of calls", () => {
  it("checks an embedding call before making it", async () => {
    const doc = flow({
      nodes: [
        { id: "in", type: "input", data: { name: "question" } },
        { id: "r", type: "router", data: { strategy: "embedding", embeddingModel: "test:embed", routes: [{ name: "a", examples: ["aaaa"] }, { name: "b", examples: ["bbbb"] }], default: "a" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "in", target: "r" },
        { source: "r", sourceHandle: "a", target: "out" },
        { source: "r", sourceHandle: "b", target: "out" },
      ],
    });
    const gateway = new ScriptedGateway({}, dollarPerToken);
    let embedded = 0;
    const embed = gateway.embed.bind(gateway);
    gateway.embed = (request) => {
      embedded++;
      return embed(request);
    };
    const { result } = await run(doc, { gateway, budgetUsd: 2 });
    expect(embedded).toBe(0);
    expect(result.error).toMatchObject({ code: "budget", nodeId: "r" });
    expect(result.costUsd).toBe(0);
    const roomy = await run(doc, { gateway, budgetUsd: 10 });
    expect(roomy.result).toMatchObject({ status: "completed", costUsd: 3 });
  });

  it("a subflow that hits the budget stops the parent run too", async () => {
    const child = flow({
      nodes: [
        { id: "question", type: "input" },
        { id: "m", type: "model", data: { model: "t:child", prompt: "{{input.question}}", maxTokens: 2 } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "question", target: "m" },
        { source: "m", target: "out" },
      ],
    });
    const doc = flow({
      nodes: [
        { id: "sub", type: "subflow", data: { flow: "child", inputs: { question: "abcd" } } },
        { id: "sorry", type: "constant", data: { value: "sorry" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "sub", target: "out" },
        { source: "sub", target: "sorry", kind: "fallback" },
        { source: "sorry", target: "out" },
      ],
    });
    const gateway = new ScriptedGateway({ "t:child": "x" }, dollarPerToken);
    const { result, events } = await run(doc, { gateway, budgetUsd: 2, subflows: { load: async () => ({ document: child }) } });
    expect(gateway.calls).toHaveLength(0);
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ code: "budget", nodeId: "sub" });
    expect(eventsOf(events, "node.fallback")).toEqual([]);
  });
});

describe("Budget", () => {
  it("reserves, releases and records", () => {
    const budget = new Budget(1);
    budget.reserve("a", 0.6);
    expect(() => budget.reserve("b", 0.5)).toThrow(ModelError);
    budget.release(0.6);
    budget.record(0.5);
    expect(budget.spentUsd).toBe(0.5);
    budget.reserve("b", 0.5);
    expect(() => budget.reserve("c", 0.01)).toThrow("node 'c' may cost up to $0.010000");
  });

  it("never refuses without a limit", () => {
    const budget = new Budget(undefined);
    expect(() => budget.reserve("a", 1e9)).not.toThrow();
  });
});
