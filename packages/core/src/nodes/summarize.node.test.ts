import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, nodeEvent, outputOf, run } from "../test-support/run-helpers";

function summarize(data: Record<string, unknown>) {
  return flow({
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: "sum", type: "summarize", data: { model: "t:sum", ...data } },
      { id: "out", type: "output" },
    ],
    edges: [
      { source: "in", target: "sum" },
      { source: "sum", target: "out" },
    ],
  });
}

describe("summarize node", () => {
  it("passes text within the budget through without a call", async () => {
    const gateway = new ScriptedGateway({ "t:sum": "never" });
    const text = "x".repeat(64); // 16 tokens
    const { result, events } = await run(summarize({ maxTokens: 16 }), { gateway, inputs: { question: text } });
    expect(gateway.calls).toHaveLength(0);
    expect(result.outputs).toEqual({ out: text });
    expect(outputOf(events, "sum")).toEqual({ value: text, text, tokens: 16, originalTokens: 16, summarized: false });
    expect(nodeEvent(events, "node.completed", "sum").costUsd).toBe(0);
  });

  it("summarizes text over the budget with one call", async () => {
    const gateway = new ScriptedGateway({ "t:sum": "short summary" });
    const text = "y".repeat(65); // 17 tokens
    const { result, events } = await run(summarize({ maxTokens: 16, instructions: "Keep dates." }), { gateway, inputs: { question: text } });
    expect(gateway.calls).toHaveLength(1);
    expect(gateway.calls[0]).toMatchObject({
      prompt: text,
      system: "Summarize the text in at most 16 tokens. Keep names, numbers and decisions. Keep dates.",
      maxTokens: 16,
      temperature: 0,
    });
    expect(result.outputs).toEqual({ out: "short summary" });
    expect(outputOf(events, "sum")).toMatchObject({ value: "short summary", tokens: 4, originalTokens: 17, summarized: true });
    expect(nodeEvent(events, "node.completed", "sum").costUsd).toBeGreaterThan(0);
  });

  it("cuts a summary that overshoots the budget", async () => {
    const gateway = new ScriptedGateway({ "t:sum": "z".repeat(200) });
    const { result } = await run(summarize({ maxTokens: 16 }), { gateway, inputs: { question: "w".repeat(100) } });
    expect(result.outputs).toEqual({ out: "z".repeat(64) });
  });

  it("compresses its text template when set, and joins several inputs otherwise", async () => {
    const gateway = new ScriptedGateway({ "t:sum": "S" });
    const withText = await run(summarize({ text: "<{{input.question}}>" }), { gateway, inputs: { question: "hi" } });
    expect(withText.result.outputs).toEqual({ out: "<hi>" });

    const joined = flow({
      nodes: [
        { id: "a", type: "constant", data: { value: "first" } },
        { id: "b", type: "constant", data: { value: { n: 2 } } },
        { id: "sum", type: "summarize", data: { model: "t:sum" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "a", target: "sum" },
        { source: "b", target: "sum" },
        { source: "sum", target: "out" },
      ],
    });
    const { result } = await run(joined, { gateway });
    expect(result.outputs).toEqual({ out: 'first\n\n{"n":2}' });
  });
});
