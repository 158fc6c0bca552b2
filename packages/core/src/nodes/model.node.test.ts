import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { eventsOf, flow, nodeEvent, outputOf, run } from "../test-support/run-helpers";
import { SELF_REPORT_INSTRUCTION } from "../engine/confidence";
import type { ModelRequest, ModelResult } from "../model/model-gateway";
import { validateFlow } from "../validation/validate-flow";

function single(data: Record<string, unknown>) {
  return flow({
    inputs: [{ name: "question", type: "string" }, { name: "lang", type: "string", default: "English" }],
    nodes: [
      { id: "m", type: "model", data: { model: "t:m", ...data } },
      { id: "out", type: "output" },
    ],
    edges: [{ source: "m", target: "out" }],
  });
}

/** A gateway whose answers carry token logprobs, like OpenAI's. */
class LogprobGateway extends ScriptedGateway {
  override async generate(request: ModelRequest): Promise<ModelResult> {
    const result = await super.generate(request);
    return request.logprobs ? { ...result, tokenLogprobs: [Math.log(0.99), Math.log(0.4), Math.log(0.95), Math.log(0.9)] } : result;
  }
}

describe("model node", () => {
  it("sends exactly the rendered prompt, system and settings, and reports text, usage and cost", async () => {
    const gateway = new ScriptedGateway({ "t:m": "Canberra" }, { price: { inputPerMTok: 1_000_000, outputPerMTok: 2_000_000 } });
    const doc = single({ system: "Answer in {{input.lang}}.", prompt: "Q: {{input.question}}", temperature: 0.3, maxTokens: 50 });
    const { result, events } = await run(doc, { gateway, inputs: { question: "capital of Australia?" } });
    expect(gateway.calls).toHaveLength(1);
    const call = gateway.calls[0]!;
    expect(call).toMatchObject({ model: "t:m", system: "Answer in English.", prompt: "Q: capital of Australia?", temperature: 0.3, maxTokens: 50, attempt: 1, seed: "1:m:1" });
    expect(call.logprobs).toBeUndefined();
    // usage: ceil(24/4)=6 input tokens, ceil(8/4)=2 output tokens; $1 and $2 per token
    const completed = nodeEvent(events, "node.completed", "m");
    expect(completed).toMatchObject({ usage: { input: 6, output: 2 }, costUsd: 10, model: "t:m", simulated: false, attempts: 1 });
    expect(completed.confidence).toBeUndefined();
    expect(completed.output).toEqual({
      value: "Canberra",
      text: "Canberra",
      model: "t:m",
      prompt: "Q: capital of Australia?",
      system: "Answer in English.",
      usage: { input: 6, output: 2 },
      costUsd: 10,
    });
    expect(result).toMatchObject({ status: "completed", outputs: { out: "Canberra" }, costUsd: 10, tokens: { input: 6, output: 2 } });
  });

  it("streams deltas as node.delta events", async () => {
    const gateway = new ScriptedGateway({ "t:m": "streamed" });
    const { events } = await run(single({ prompt: "x" }), { gateway });
    expect(eventsOf(events, "node.delta").map((e) => [e.nodeId, e.text, e.attempt])).toEqual([["m", "streamed", 1]]);
  });

  it("asks for and parses a self-reported confidence", async () => {
    const gateway = new ScriptedGateway({ "t:m": "Canberra.\nConfidence: 85%" });
    const { events } = await run(single({ prompt: "x", system: "Be brief.", confidence: "self-report" }), { gateway });
    expect(gateway.calls[0]!.system).toBe(`Be brief.\n\n${SELF_REPORT_INSTRUCTION}`);
    expect(nodeEvent(events, "node.completed", "m").confidence).toBe(0.85);
    expect(outputOf(events, "m").confidence).toBe(0.85);
  });

  it("self-report with no system prompt sends only the instruction, and no report means no confidence", async () => {
    const gateway = new ScriptedGateway({ "t:m": "Canberra" });
    const { events } = await run(single({ prompt: "x", confidence: "self-report" }), { gateway });
    expect(gateway.calls[0]!.system).toBe(SELF_REPORT_INSTRUCTION);
    expect(nodeEvent(events, "node.completed", "m").confidence).toBeUndefined();
  });

  it("reads confidence from a low quantile of token logprobs, not the mean", async () => {
    const gateway = new LogprobGateway({ "t:m": "Canberra" });
    const { events } = await run(single({ prompt: "x", confidence: "logprobs" }), { gateway });
    expect(gateway.calls[0]!.logprobs).toBe(true);
    expect(nodeEvent(events, "node.completed", "m").confidence).toBeCloseTo(0.4, 10);
  });

  it("fails without calling when the model is unavailable", async () => {
    const gateway = new ScriptedGateway({});
    const doc = single({ prompt: "x", model: "t:missing" });
    const { result, events } = await run(doc, { gateway });
    expect(gateway.calls).toHaveLength(0);
    expect(result.status).toBe("failed");
    expect(nodeEvent(events, "node.failed", "m").error).toEqual({ code: "unavailable", message: "unknown model 't:missing'", nodeId: "m" });
  });

  it("validates its data", () => {
    const problems = validateFlow(single({ model: "gpt4", prompt: "", temperature: 3, retry: { maxAttempts: 0 }, confidence: "vibes" })).problems;
    expect(problems.map((p) => [p.code, p.nodeId, p.path])).toEqual([
      ["invalid-value", "m", "nodes.0.data.model"],
      ["invalid-value", "m", "nodes.0.data.prompt"],
      ["invalid-value", "m", "nodes.0.data.temperature"],
      ["invalid-value", "m", "nodes.0.data.retry.maxAttempts"],
      ["invalid-value", "m", "nodes.0.data.confidence"],
    ]);
    expect(problems[0]!.message).toBe("node 'm': data.model: must look like provider:model, e.g. openai:gpt-4o-mini or sim:fast");
    expect(problems[1]!.message).toBe("node 'm': data.prompt: a model node needs a prompt");
  });
});
