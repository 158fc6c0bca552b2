import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, outputOf, run } from "../test-support/run-helpers";
import { RunInputError } from "../engine/executor";
import { validateFlow } from "../validation/validate-flow";

const gateway = new ScriptedGateway({});

describe("input node", () => {
  it("emits the run input named by data.name", async () => {
    const doc = flow({
      nodes: [
        { id: "in", type: "input", data: { name: "question" } },
        { id: "out", type: "output", data: { name: "answer" } },
      ],
      edges: [{ source: "in", target: "out" }],
    });
    const { result, events } = await run(doc, { gateway, inputs: { question: "What is 2+2?" } });
    expect(result.outputs).toEqual({ answer: "What is 2+2?" });
    expect(outputOf(events, "in")).toEqual({ value: "What is 2+2?", text: "What is 2+2?" });
  });

  it("reads the input named like the node id when data.name is absent", async () => {
    const doc = flow({
      nodes: [
        { id: "question", type: "input" },
        { id: "out", type: "output" },
      ],
      edges: [{ source: "question", target: "out" }],
    });
    const { result } = await run(doc, { gateway, inputs: { question: "hi" } });
    expect(result.outputs).toEqual({ out: "hi" });
  });

  it("hands on typed values converted from strings, with text as their rendering", async () => {
    const doc = flow({
      inputs: [{ name: "count", type: "number" }],
      nodes: [
        { id: "count", type: "input" },
        { id: "out", type: "output", data: { name: "n" } },
      ],
      edges: [{ source: "count", target: "out" }],
    });
    const { result, events } = await run(doc, { gateway, inputs: { count: "42" } });
    expect(result.outputs).toEqual({ n: 42 });
    expect(outputOf(events, "count")).toEqual({ value: 42, text: "42" });
  });

  it("declares an undeclared input node as a required string input", async () => {
    const doc = flow({
      inputs: [],
      nodes: [
        { id: "topic", type: "input" },
        { id: "out", type: "output" },
      ],
      edges: [{ source: "topic", target: "out" }],
    });
    await expect(run(doc, { gateway, inputs: {} })).rejects.toThrow(RunInputError);
    await expect(run(doc, { gateway, inputs: {} })).rejects.toThrow("missing input 'topic'");
    const { result } = await run(doc, { gateway, inputs: { topic: "tea" } });
    expect(result.outputs).toEqual({ out: "tea" });
  });

  it("takes no incoming edges", () => {
    const doc = flow({
      nodes: [
        { id: "a", type: "input", data: { name: "question" } },
        { id: "b", type: "input", data: { name: "question" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { id: "into-input", source: "a", target: "b" },
        { source: "b", target: "out" },
      ],
    });
    const result = validateFlow(doc);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: "input-not-accepted", edgeId: "into-input" }));
  });

  it("rejects a name that is not an id", () => {
    const result = validateFlow(flow({ nodes: [{ id: "in", type: "input", data: { name: "two words" } }, { id: "out", type: "output" }], edges: [{ source: "in", target: "out" }] }));
    expect(result.problems).toContainEqual(expect.objectContaining({ code: "invalid-value", nodeId: "in", path: "nodes.0.data.name" }));
  });
});

describe("input node binding without data.name", () => {
  const reads = (inputs: { name: string }[], nodes: { id: string; type: "input"; data?: { name: string } }[]) =>
    flow({
      inputs,
      nodes: [...nodes, { id: "out", type: "template", data: { template: nodes.map((n) => `{{nodes.${n.id}}}`).join("|") } }, { id: "o", type: "output" }],
      edges: [...nodes.map((n) => ({ source: n.id, target: "out" })), { source: "out", target: "o" }],
    });

  it("reads the flow's one declared input when no input is named like the node (DESIGN.md's example)", async () => {
    const doc = reads([{ name: "question" }], [{ id: "in", type: "input" }]);
    expect(validateFlow(doc).problems).toEqual([]);
    const { result } = await run(doc, { gateway, inputs: { question: "Capital of Australia?" } });
    expect(result.outputs).toEqual({ o: "Capital of Australia?" });
  });

  it("reads the one declared input the other input nodes leave unbound", async () => {
    const doc = reads([{ name: "question" }, { name: "context" }], [{ id: "question", type: "input" }, { id: "ctx", type: "input" }]);
    expect(validateFlow(doc).ok).toBe(true);
    const { result } = await run(doc, { gateway, inputs: { question: "q?", context: "c." } });
    expect(result.outputs).toEqual({ o: "q?|c." });
  });

  it("is a validation error naming the node when it could read several inputs", () => {
    const problems = validateFlow(reads([{ name: "a" }, { name: "b" }], [{ id: "in", type: "input" }])).problems;
    expect(problems).toEqual([
      expect.objectContaining({ code: "unbound-input", nodeId: "in", message: "input node 'in' has no data.name and the flow declares no input named 'in'; it could read any of 'a', 'b': set data.name to one of them" }),
    ]);
  });

  it("is a validation error when every declared input is taken, or two nodes would share the free one", () => {
    const taken = validateFlow(reads([{ name: "question" }], [{ id: "question", type: "input" }, { id: "extra", type: "input" }])).problems;
    expect(taken).toEqual([expect.objectContaining({ code: "unbound-input", nodeId: "extra", message: expect.stringContaining("every declared input is read by another input node") })]);
    const shared = validateFlow(reads([{ name: "question" }], [{ id: "a", type: "input" }, { id: "b", type: "input" }])).problems;
    expect(shared.map((p) => [p.code, p.nodeId])).toEqual([
      ["unbound-input", "a"],
      ["unbound-input", "b"],
    ]);
    expect(shared[0]!.message).toContain("input nodes 'b' would read 'question' too");
  });

  it("an explicit data.name still wins, and counts as binding its input", async () => {
    const doc = reads([{ name: "question" }, { name: "other" }], [{ id: "x", type: "input", data: { name: "other" } }, { id: "in", type: "input" }]);
    expect(validateFlow(doc).ok).toBe(true);
    const { result } = await run(doc, { gateway, inputs: { question: "q", other: "o" } });
    expect(result.outputs).toEqual({ o: "o|q" });
  });
});
