import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, nodeEvents, outputOf, run } from "../test-support/run-helpers";
import { validateFlow } from "../validation/validate-flow";

describe("output node", () => {
  const branches = flow({
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: "fast", type: "model", data: { model: "t:fast", prompt: "{{input.question}}", confidence: "self-report" } },
      { id: "gate", type: "gate", data: { threshold: 0.5 } },
      { id: "strong", type: "model", data: { model: "t:strong", prompt: "{{input.question}}" } },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "in", target: "fast" },
      { source: "fast", target: "gate" },
      { source: "gate", sourceHandle: "pass", target: "out" },
      { source: "gate", sourceHandle: "escalate", target: "strong" },
      { source: "strong", target: "out" },
    ],
  });

  it("emits the value of the branch that produced one (pass)", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Fast. Confidence: 90%", "t:strong": "Strong" });
    const { result, events } = await run(branches, { gateway });
    expect(result.outputs).toEqual({ answer: "Fast. Confidence: 90%" });
    expect(nodeEvents(events, "strong")).toEqual(["node.skipped"]);
  });

  it("emits the value of the branch that produced one (escalate)", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Fast. Confidence: 10%", "t:strong": "Strong" });
    const { result, events } = await run(branches, { gateway });
    expect(result.outputs).toEqual({ answer: "Strong" });
    expect(outputOf(events, "out")).toEqual({ value: "Strong", text: "Strong" });
  });

  it("is named by its id when data.name is absent, and passes objects through", async () => {
    const doc = flow({
      nodes: [
        { id: "c", type: "constant", data: { value: { city: "Canberra", n: 1 } } },
        { id: "result", type: "output" },
      ],
      edges: [{ source: "c", target: "result" }],
    });
    const { result, events } = await run(doc, { gateway: new ScriptedGateway({}) });
    expect(result.outputs).toEqual({ result: { city: "Canberra", n: 1 } });
    expect(outputOf(events, "result").text).toBe('{"city":"Canberra","n":1}');
  });

  it("must have an incoming edge", () => {
    const result = validateFlow(flow({ nodes: [{ id: "out", type: "output" }] }));
    expect(result.problems).toEqual([
      { severity: "error", code: "output-unconnected", message: "output 'out' has no incoming edge", nodeId: "out" },
    ]);
  });

  it("rejects two outputs with the same name", () => {
    const doc = flow({
      nodes: [
        { id: "c", type: "constant", data: { value: 1 } },
        { id: "a", type: "output", data: { name: "answer" } },
        { id: "b", type: "output", data: { name: "answer" } },
      ],
      edges: [
        { source: "c", target: "a" },
        { source: "c", target: "b" },
      ],
    });
    expect(validateFlow(doc).problems).toEqual([
      { severity: "error", code: "duplicate-output", message: "outputs 'a' and 'b' are both named 'answer'", nodeId: "b" },
    ]);
  });
});
