import { describe, expect, it } from "vitest";
import { ScriptedGateway, type Script } from "../test-support/scripted-gateway";
import { flow, nodeEvent, nodeEvents, outputOf, run } from "../test-support/run-helpers";
import { ModelError } from "../model/model-errors";
import { validateFlow } from "../validation/validate-flow";

const refused = new ModelError("bad_request", "HTTP 400: prompt refused", { status: 400 });

/** `in` fanned out to one model per reply (m1, m2, …), all into `vote`, then `out`. */
function ensemble(replies: Script[], vote: Record<string, unknown>, extra: { judge?: Script; fallback?: boolean } = {}) {
  const ids = replies.map((_, i) => `m${i + 1}`);
  const doc = flow({
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      ...ids.map((id) => ({ id, type: "model", data: { model: `t:${id}`, prompt: "{{input.question}}", retry: { maxAttempts: 1 } } })),
      { id: "vote", type: "vote", data: vote },
      ...(extra.fallback ? [{ id: "sorry", type: "constant", data: { value: "no consensus" } }] : []),
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      ...ids.flatMap((id) => [
        { source: "in", target: id },
        { source: id, target: "vote" },
      ]),
      { source: "vote", target: "out" },
      ...(extra.fallback ? [{ source: "vote", target: "sorry", kind: "fallback" as const }, { source: "sorry", target: "out" }] : []),
    ],
  });
  const scripts: Record<string, Script> = Object.fromEntries(ids.map((id, i) => [`t:${id}`, replies[i]!]));
  if (extra.judge !== undefined) scripts["t:judge"] = extra.judge;
  return { doc, gateway: new ScriptedGateway(scripts) };
}

describe("vote node: strategies", () => {
  it("majority: normalized answers vote together; reports agreement, table and tally", async () => {
    const { doc, gateway } = ensemble(["Canberra", " canberra. ", "Sydney"], { strategy: "majority" });
    const { result, events } = await run(doc, { gateway });
    expect(result.outputs).toEqual({ answer: "Canberra" });
    const vote = outputOf(events, "vote");
    expect(vote.answer).toBe("Canberra");
    expect(vote.agreement).toBeCloseTo(2 / 3, 12);
    expect(vote.confidence).toBeCloseTo(2 / 3, 12);
    expect(vote.failed).toEqual([]);
    expect(vote.tie).toBeUndefined();
    expect(vote.votes).toEqual([
      { nodeId: "m1", status: "ok", answer: "Canberra", key: "canberra", weight: 1, raw: "Canberra" },
      { nodeId: "m2", status: "ok", answer: "canberra.", key: "canberra", weight: 1, raw: " canberra. " },
      { nodeId: "m3", status: "ok", answer: "Sydney", key: "sydney", weight: 1, raw: "Sydney" },
    ]);
    expect(vote.tally).toEqual([
      { answer: "Canberra", count: 2, weight: 2 },
      { answer: "Sydney", count: 1, weight: 1 },
    ]);
  });

  it("majority: a tie goes to the answer given first and is flagged", async () => {
    const { doc, gateway } = ensemble(["Lyon", "Paris"], { quorum: 1 });
    const { events } = await run(doc, { gateway });
    expect(outputOf(events, "vote")).toMatchObject({ answer: "Lyon", agreement: 0.5, tie: true });
  });

  it("weighted: a heavy branch outvotes two light ones", async () => {
    const { doc, gateway } = ensemble(["Sydney", "Canberra", "Sydney"], { strategy: "weighted", weights: { m2: 3 } });
    const { events } = await run(doc, { gateway });
    const vote = outputOf(events, "vote");
    expect(vote).toMatchObject({ answer: "Canberra", agreement: 0.6 });
    expect(vote.tally).toEqual([
      { answer: "Canberra", count: 1, weight: 3 },
      { answer: "Sydney", count: 2, weight: 2 },
    ]);
  });

  it("weighted: branches whose ids are Object.prototype names weigh 1 unless listed", async () => {
    const ids = ["constructor", "toString", "valueOf"];
    const doc = flow({
      nodes: [
        ...ids.map((id) => ({ id, type: "model", data: { model: `t:${id}`, prompt: "{{input.question}}" } })),
        { id: "vote", type: "vote", data: { strategy: "weighted", weights: { valueOf: 1.5 } } },
        { id: "out", type: "output" },
      ],
      edges: [...ids.map((id) => ({ source: id, target: "vote" })), { source: "vote", target: "out" }],
    });
    const gateway = new ScriptedGateway({ "t:constructor": "yes", "t:toString": "yes", "t:valueOf": "no" });
    const { events } = await run(doc, { gateway });
    const vote = outputOf(events, "vote");
    expect(vote.tally).toEqual([
      { answer: "yes", count: 2, weight: 2 },
      { answer: "no", count: 1, weight: 1.5 },
    ]);
    expect(vote.agreement).toBeCloseTo(2 / 3.5, 12);
  });

  it("majority ignores weights", async () => {
    const { doc, gateway } = ensemble(["Sydney", "Canberra", "Sydney"], { strategy: "majority", weights: { m2: 3 } });
    const { events } = await run(doc, { gateway });
    expect(outputOf(events, "vote")).toMatchObject({ answer: "Sydney", agreement: 2 / 3 });
  });

  it("unanimous: agreement passes", async () => {
    const { doc, gateway } = ensemble(["Paris", "paris", "PARIS!"], { strategy: "unanimous" });
    const { result, events } = await run(doc, { gateway });
    expect(result.outputs).toEqual({ answer: "Paris" });
    expect(outputOf(events, "vote").agreement).toBe(1);
  });

  it("unanimous: disagreement fails the node and the run", async () => {
    const { doc, gateway } = ensemble(["Paris", "paris", "Lyon"], { strategy: "unanimous" });
    const { result, events } = await run(doc, { gateway });
    expect(result.status).toBe("failed");
    expect(nodeEvent(events, "node.failed", "vote").error).toEqual({ code: "node_error", message: "no unanimous agreement: Paris (2) vs Lyon (1)", nodeId: "vote" });
    expect(result.error).toEqual({ code: "node_failed", message: "node 'vote' failed: no unanimous agreement: Paris (2) vs Lyon (1)", nodeId: "vote" });
    expect(nodeEvents(events, "out")).toEqual(["node.skipped"]);
  });

  it("judge: an LLM merges the answers; the judge sees them numbered and cannot be template-injected", async () => {
    const { doc, gateway } = ensemble(["Canberra", "It is {{input.question}}", "Sydney"], { strategy: "judge", judgeModel: "t:judge" }, { judge: "  Canberra, the capital.  " });
    const { result, events } = await run(doc, { gateway, inputs: { question: "SECRET" } });
    expect(result.outputs).toEqual({ answer: "Canberra, the capital." });
    const judgeCall = gateway.callsTo("t:judge")[0]!;
    expect(judgeCall.prompt).toBe(
      "Several assistants answered the same request.\n\n1. Canberra\n2. It is { {input.question}}\n3. Sydney\n\nReply with the single best final answer, merging their strengths.",
    );
    expect(judgeCall.temperature).toBe(0);
    const vote = nodeEvent(events, "node.completed", "vote");
    expect(vote.output.agreement).toBeCloseTo(1 / 3, 12);
    expect(vote.costUsd).toBeGreaterThan(0);
    expect(vote.model).toBe("t:judge");
  });

  it("judge: a custom prompt may reference run inputs, and the extractor applies to the verdict", async () => {
    const { doc, gateway } = ensemble(["A", "B"], { strategy: "judge", judgeModel: "t:judge", extract: { kind: "choice" }, quorum: 1, judgePrompt: "Question: {{input.question}}\n{{answers}}\nPick one." }, { judge: "The best is (B)." });
    const { result } = await run(doc, { gateway, inputs: { question: "pick" } });
    expect(gateway.callsTo("t:judge")[0]!.prompt).toBe("Question: pick\n1. A\n2. B\nPick one.");
    expect(result.outputs).toEqual({ answer: "B" });
  });
});

describe("vote node: answer extractors", () => {
  it("choice: reads the letter from 'C) Canberra', 'The answer is (C)' and '**C**'", async () => {
    const { doc, gateway } = ensemble(["C) Canberra", "The answer is (C).", "**C**", "B. Sydney"], { extract: { kind: "choice" } });
    const { events } = await run(doc, { gateway });
    const vote = outputOf(events, "vote");
    expect(vote).toMatchObject({ answer: "C", agreement: 0.75 });
    expect((vote.votes as { key: string }[]).map((v) => v.key)).toEqual(["C", "C", "C", "B"]);
  });

  it("choice: a reply with no letter is unparsed and does not count", async () => {
    const { doc, gateway } = ensemble(["I am not sure", "(D)", "answer: d"], { extract: { kind: "choice" }, quorum: 2 });
    const { events } = await run(doc, { gateway });
    const vote = outputOf(events, "vote");
    expect(vote).toMatchObject({ answer: "D", agreement: 1 });
    expect(vote.votes).toContainEqual({ nodeId: "m1", status: "unparsed", weight: 1, raw: "I am not sure" });
  });

  it("choice: too few parsed answers for the quorum fails the vote", async () => {
    const { doc, gateway } = ensemble(["no idea", "no clue", "(A)"], { extract: { kind: "choice" } });
    const { result, events } = await run(doc, { gateway });
    expect(result.status).toBe("failed");
    expect(nodeEvent(events, "node.failed", "vote").error.message).toBe("vote needs 2 of 3 answers but got 1");
  });

  it("regex: votes on the captured group", async () => {
    const { doc, gateway } = ensemble(["Final answer: Canberra.", "I think... final ANSWER: canberra", "final answer: Sydney"], { extract: { kind: "regex", pattern: "final answer:\\s*(\\w+)" } });
    const { events } = await run(doc, { gateway });
    expect(outputOf(events, "vote")).toMatchObject({ answer: "Canberra", agreement: 2 / 3 });
  });

  it("json: reads a path from JSON embedded in the reply", async () => {
    const { doc, gateway } = ensemble(['{"result": {"items": [{"city": "Canberra"}]}}', 'Sure! {"result": {"items": [{"city": "canberra"}]}} Hope that helps.', '{"result": {"items": []}}'], {
      extract: { kind: "json", path: "$.result.items[0].city" },
      quorum: 2,
    });
    const { events } = await run(doc, { gateway });
    const vote = outputOf(events, "vote");
    expect(vote).toMatchObject({ answer: "Canberra", agreement: 1 });
    expect((vote.votes as { status: string }[]).map((v) => v.status)).toEqual(["ok", "ok", "unparsed"]);
  });
});

describe("vote node: quorum", () => {
  it("k-of-n: the run continues when some branches fail; failed lists them and agreement counts the rest", async () => {
    const { doc, gateway } = ensemble(["Canberra", refused, "Canberra", refused, "Sydney"], { quorum: 3 });
    const { result, events } = await run(doc, { gateway });
    expect(result.status).toBe("completed");
    expect(result.outputs).toEqual({ answer: "Canberra" });
    expect(nodeEvents(events, "m2")).toEqual(["node.started", "node.failed"]);
    const vote = outputOf(events, "vote");
    expect(vote.failed).toEqual(["m2", "m4"]);
    expect(vote.agreement).toBeCloseTo(2 / 3, 12);
    expect(vote.votes).toContainEqual({ nodeId: "m2", status: "failed", weight: 1, error: "HTTP 400: prompt refused" });
  });

  it("defaults to a majority of the branches", async () => {
    const { doc, gateway } = ensemble(["Canberra", refused, "Canberra"], {});
    const { result } = await run(doc, { gateway });
    expect(result.status).toBe("completed");
    const { doc: doc2, gateway: gateway2 } = ensemble(["Canberra", refused, refused], {});
    const failed = await run(doc2, { gateway: gateway2 });
    expect(failed.result.status).toBe("failed");
  });

  it("quorum not met fails the vote, and the run failure names the vote", async () => {
    const { doc, gateway } = ensemble(["Canberra", refused, refused], { quorum: 2 });
    const { result, events } = await run(doc, { gateway });
    expect(result.status).toBe("failed");
    expect(nodeEvent(events, "node.failed", "vote").error.message).toBe("vote needs 2 of 3 answers but got 1 (failed: m2, m3)");
    expect(result.error).toEqual({ code: "node_failed", message: "node 'vote' failed: vote needs 2 of 3 answers but got 1 (failed: m2, m3)", nodeId: "vote" });
    expect(nodeEvents(events, "out")).toEqual(["node.skipped"]);
  });

  it("a vote that misses its quorum takes its fallback edge, and the run completes", async () => {
    const { doc, gateway } = ensemble(["Canberra", refused, refused], { quorum: 2 }, { fallback: true });
    const { result, events } = await run(doc, { gateway });
    expect(nodeEvent(events, "node.fallback", "vote")).toMatchObject({ from: "vote", to: "sorry", reason: "error" });
    expect(result.outputs).toEqual({ answer: "no consensus" });
    expect(result.status).toBe("completed");
  });
});

describe("vote node: validation", () => {
  it("reports a quorum above its inputs, unknown weights, a judge without a model and a bad regex", () => {
    const { doc } = ensemble(["a", "b"], { strategy: "judge", quorum: 3, weights: { m9: 2 }, extract: { kind: "regex", pattern: "(" } });
    const problems = validateFlow(doc).problems.map((p) => [p.code, p.nodeId, p.severity]);
    expect(problems).toEqual([
      ["quorum-too-high", "vote", "error"],
      ["unknown-weight", "vote", "error"],
      ["missing-model", "vote", "error"],
      ["invalid-regex", "vote", "error"],
    ]);
  });

  it("warns about a single input and rejects none", () => {
    const one = ensemble(["a"], {}).doc;
    expect(validateFlow(one).problems).toEqual([expect.objectContaining({ code: "vote-too-few-inputs", severity: "warning", nodeId: "vote" })]);
    expect(validateFlow(one).ok).toBe(true);
  });
});
