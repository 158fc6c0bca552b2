import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, nodeEvent, outputOf, run } from "../test-support/run-helpers";

const gateway = new ScriptedGateway({ "t:m": "Paris" });

describe("template node", () => {
  it("renders text from inputs and earlier nodes", async () => {
    const doc = flow({
      nodes: [
        { id: "m", type: "model", data: { model: "t:m", prompt: "capital of France?" } },
        { id: "t", type: "template", data: { template: "Q: {{input.question}} / A: {{nodes.m.text}} ({{nodes.m.model}})" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "m", target: "t" },
        { source: "t", target: "out" },
      ],
    });
    const { result } = await run(doc, { gateway, inputs: { question: "where?" } });
    expect(result.outputs).toEqual({ out: "Q: where? / A: Paris (t:m)" });
  });

  it("parses JSON output so later nodes can reference its fields", async () => {
    const doc = flow({
      nodes: [
        { id: "t", type: "template", data: { template: '{"city": "{{input.question}}", "tags": ["a", "b"]}', format: "json" } },
        { id: "use", type: "template", data: { template: "{{nodes.t.value.city}}/{{nodes.t.value.tags.1}}/{{nodes.t.value.tags}}" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "t", target: "use" },
        { source: "use", target: "out" },
      ],
    });
    const { result, events } = await run(doc, { gateway, inputs: { question: "Oslo" } });
    expect(outputOf(events, "t")).toEqual({ value: { city: "Oslo", tags: ["a", "b"] }, text: '{"city": "Oslo", "tags": ["a", "b"]}' });
    expect(result.outputs).toEqual({ out: 'Oslo/b/["a","b"]' });
  });

  it("fails the node when the JSON does not parse", async () => {
    const doc = flow({
      nodes: [
        { id: "t", type: "template", data: { template: "{not json {{input.question}}", format: "json" } },
        { id: "out", type: "output" },
      ],
      edges: [{ source: "t", target: "out" }],
    });
    const { result, events } = await run(doc, { gateway });
    expect(result.status).toBe("failed");
    expect(nodeEvent(events, "node.failed", "t").error).toMatchObject({ code: "node_error", nodeId: "t" });
    expect(nodeEvent(events, "node.failed", "t").error.message).toMatch(/^template 't' did not produce valid JSON: /);
  });

  it("renders references to skipped nodes as empty", async () => {
    const doc = flow({
      nodes: [
        { id: "in", type: "input", data: { name: "question" } },
        { id: "r", type: "router", data: { routes: [{ name: "yes", keywords: ["yes"] }, { name: "no" }], default: "no" } },
        { id: "y", type: "constant", data: { value: "took yes" } },
        { id: "n", type: "constant", data: { value: "took no" } },
        { id: "t", type: "template", data: { template: "[{{nodes.y}}][{{nodes.y.text}}][{{nodes.n}}]" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "in", target: "r" },
        { source: "r", sourceHandle: "yes", target: "y" },
        { source: "r", sourceHandle: "no", target: "n" },
        { source: "n", target: "t" },
        { source: "t", target: "out" },
      ],
    });
    const { result } = await run(doc, { gateway, inputs: { question: "maybe" } });
    expect(result.outputs).toEqual({ out: "[][][took no]" });
  });
});
