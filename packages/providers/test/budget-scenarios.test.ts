import { describe, expect, it } from "vitest";
import {
  prepareFlow,
  runFlow,
  type RunEvent,
  type RunOptions,
  type RunResult,
} from "@switchyard/core";
import { createModelGateway } from "../src";

// The two scenarios on the simulated provider: a long reply (20,000 words, streamed as
// fast as the simulator goes) at $1,000 per million output tokens, $0.001 a token.
const long = {
  reply: "word ".repeat(20_000).trim(),
  latencyMs: 0,
  tokensPerSecond: 100_000,
  pricePerMTok: { input: 0, output: 1000 },
};
const gateway = createModelGateway();

async function run(
  document: unknown,
  options: Partial<RunOptions> = {},
): Promise<{ result: RunResult; events: RunEvent[] }> {
  const prepared = prepareFlow(document);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join("; "));
  const events: RunEvent[] = [];
  const result = await runFlow(prepared.flow, {
    gateway,
    seed: 1,
    onEvent: (e) => events.push(e),
    ...options,
  });
  return { result, events };
}

const flow = (nodes: unknown[], edges: unknown[], inputs: unknown[] = []) => ({
  format: "switchyard.flow/v1",
  name: "budget",
  inputs,
  nodes,
  edges,
});

describe("the run budget on the simulated provider", () => {
  it("a call with no maxTokens and a long reply never exceeds a $1.50 budget", async () => {
    const doc = flow(
      [
        {
          id: "m",
          type: "model",
          data: { model: "sim:fast", prompt: "Tell me everything.", sim: long },
        },
        { id: "out", type: "output" },
      ],
      [{ source: "m", target: "out" }],
    );
    const { result, events } = await run(doc, { budgetUsd: 1.5 });
    expect(result.status).toBe("completed");
    expect(result.costUsd).toBeLessThanOrEqual(1.5);
    const completed = events.find((e) => e.type === "node.completed");
    expect(completed).toMatchObject({ nodeId: "m", truncated: "max_tokens" });
  });

  it("two parallel subflows under one $1.00 budget never exceed it in total", async () => {
    const child = flow(
      [
        { id: "question", type: "input" },
        {
          id: "m",
          type: "model",
          data: { model: "sim:fast", prompt: "{{input.question}}", maxTokens: 700, sim: long },
        },
        { id: "out", type: "output" },
      ],
      [
        { source: "question", target: "m" },
        { source: "m", target: "out" },
      ],
      [{ name: "question" }],
    );
    const doc = flow(
      [
        { id: "a", type: "subflow", data: { flow: "child", inputs: { question: "one" } } },
        { id: "b", type: "subflow", data: { flow: "child", inputs: { question: "two" } } },
        { id: "out", type: "output" },
        { id: "out2", type: "output" },
      ],
      [
        { source: "a", target: "out" },
        { source: "b", target: "out2" },
      ],
    );
    const { result } = await run(doc, {
      budgetUsd: 1,
      subflows: { load: async () => ({ document: child }) },
    });
    expect(result.status).toBe("completed");
    expect(result.costUsd).toBeLessThanOrEqual(1);
  });

  it("a 100,000-character simulated reply is held to the host's ceiling", async () => {
    const doc = flow(
      [
        {
          id: "m",
          type: "model",
          data: { model: "sim:fast", prompt: "Go on.", sim: { ...long, tokensPerSecond: 0 } },
        },
        { id: "out", type: "output" },
      ],
      [{ source: "m", target: "out" }],
    );
    const { events } = await run(doc, { limits: { maxOutputTokens: 500 } });
    const completed = events.find((e) => e.type === "node.completed");
    expect(completed).toMatchObject({ truncated: "output_limit" });
    expect(
      String(completed?.type === "node.completed" && completed.output.text).length,
    ).toBeLessThanOrEqual(1500);
  });
});
