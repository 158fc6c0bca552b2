import { describe, expect, it } from "vitest";
import { flow, nodeEvent, run } from "../test-support/run-helpers";
import type { ModelGateway, ModelRequest } from "../model/model-gateway";
import { Budget } from "./budget";
import { MIN_HELD_OUTPUT_TOKENS } from "./call-hold";

const dollarPerKiloToken = { inputPerMTok: 0, outputPerMTok: 1000 }; // $0.001 an output token

/** A provider that ignores max_tokens: `words` words streamed 100 at a time, billed at 4 characters a token, unless aborted (as streamCall is). */
function verbose(words: number): ModelGateway & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return {
    requests,
    describe: () => ({ simulated: false, price: dollarPerKiloToken }),
    async generate(request) {
      requests.push(request);
      let text = "";
      for (let i = 0; i < words; i += 100) {
        await Promise.resolve();
        if (request.signal.aborted) throw new Error("aborted");
        const delta = "word ".repeat(100);
        text += delta;
        request.onDelta?.(delta);
      }
      if (request.signal.aborted) throw new Error("aborted");
      return { text, usage: { input: 0, output: Math.ceil(text.length / 4) }, model: request.model, simulated: false };
    },
    embed: () => Promise.reject(new Error("no embeddings")),
  };
}

const model = (id: string, data: Record<string, unknown> = {}) => ({ id, type: "model", data: { model: "t:m", prompt: "Tell me everything.", ...data } });

describe("the budget reserves a call's real worst case", () => {
  it("a call with no maxTokens and a long reply never exceeds a $1.50 budget (it spent $5.00 before)", async () => {
    const gateway = verbose(20_000); // $25 of output if let run
    const doc = flow({ nodes: [model("m"), { id: "out", type: "output" }], edges: [{ source: "m", target: "out" }] });
    const { result, events } = await run(doc, { gateway, budgetUsd: 1.5 });
    expect(result.status).toBe("completed");
    expect(result.costUsd).toBeLessThanOrEqual(1.5);
    expect(result.costUsd).toBeGreaterThan(1.4); // held to what the budget affords, not refused
    const held = gateway.requests[0]!.maxTokens!;
    expect(held).toBeGreaterThan(1400);
    expect(held).toBeLessThanOrEqual(1500);
    expect(nodeEvent(events, "node.completed", "m")).toMatchObject({ truncated: "max_tokens", usage: { output: held } });
  });

  it("two parallel subflows under one budget never exceed it in total (they spent $1.40 of $1.00 before)", async () => {
    const child = flow({
      nodes: [{ id: "question", type: "input" }, model("m", { prompt: "{{input.question}}", maxTokens: 700 }), { id: "out", type: "output" }],
      edges: [
        { source: "question", target: "m" },
        { source: "m", target: "out" },
      ],
    });
    const doc = flow({
      nodes: [
        { id: "a", type: "subflow", data: { flow: "child", inputs: { question: "one" } } },
        { id: "b", type: "subflow", data: { flow: "child", inputs: { question: "two" } } },
        { id: "out", type: "output" },
        { id: "out2", type: "output" },
      ],
      edges: [
        { source: "a", target: "out" },
        { source: "b", target: "out2" },
      ],
    });
    const gateway = verbose(20_000);
    const { result } = await run(doc, { gateway, budgetUsd: 1, subflows: { load: async () => ({ document: child }) } });
    expect(result.status).toBe("completed");
    expect(result.costUsd).toBeLessThanOrEqual(1);
    // The second sees the first's $0.70 reservation: it is held to the rest, not given the whole budget again.
    expect(gateway.requests.map((r) => r.maxTokens)).toEqual([700, expect.any(Number)]);
    expect(gateway.requests[1]!.maxTokens!).toBeLessThanOrEqual(300);
  });

  it(`refuses, naming the node, a call the budget cannot afford ${MIN_HELD_OUTPUT_TOKENS} output tokens of`, async () => {
    const doc = flow({ nodes: [model("m")], edges: [] });
    doc.nodes.push({ id: "out", type: "output" });
    doc.edges = [{ source: "m", target: "out" }];
    const gateway = verbose(10);
    const { result } = await run(doc, { gateway, budgetUsd: 0.01 }); // 10 tokens' worth
    expect(gateway.requests).toHaveLength(0);
    expect(result.error).toMatchObject({ code: "budget", nodeId: "m", message: expect.stringMatching(/^run budget of \$0\.01 would be exceeded: node 'm' may cost up to \$32\.768000/) });
  });

  it("counts what resumed nodes cost against the budget", async () => {
    const doc = flow({ nodes: [model("a", { maxTokens: 100 }), model("b", { maxTokens: 100, prompt: "{{nodes.a}}" }), { id: "out", type: "output" }], edges: [{ source: "a", target: "b" }, { source: "b", target: "out" }] });
    const gateway = verbose(10);
    const prior = { status: "completed" as const, output: { value: "x", text: "x" }, usage: { input: 0, output: 0 }, costUsd: 0.95, latencyMs: 1 };
    const { result } = await run(doc, { gateway, budgetUsd: 1, resume: { nodes: { a: prior }, nextSeq: 5 } });
    // $0.05 left: b is held to 50 tokens rather than its 100.
    expect(gateway.requests.map((r) => r.maxTokens)).toEqual([expect.any(Number)]);
    expect(gateway.requests[0]!.maxTokens!).toBeLessThanOrEqual(50);
    expect(result.costUsd).toBeLessThanOrEqual(1);
  });
});

describe("Budget", () => {
  it("knows what is still available", () => {
    const budget = new Budget(1);
    budget.reserve("a", 0.25);
    budget.record(0.5);
    expect(budget.availableUsd).toBeCloseTo(0.25, 12);
    expect(budget.limitUsd).toBe(1);
    expect(new Budget(undefined).availableUsd).toBe(Infinity);
  });
});
