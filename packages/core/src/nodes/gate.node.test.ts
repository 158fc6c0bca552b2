import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, nodeEvent, nodeEvents, outputOf, run } from "../test-support/run-helpers";
import { validateFlow } from "../validation/validate-flow";

function cascade(gate: Record<string, unknown>, confidence: "self-report" | "none" = "self-report") {
  return flow({
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: "fast", type: "model", data: { model: "t:fast", prompt: "{{input.question}}", confidence } },
      { id: "gate", type: "gate", data: gate },
      { id: "strong", type: "model", data: { model: "t:strong", prompt: "{{input.question}} (was: {{nodes.gate.text}})" } },
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
}

describe("gate node", () => {
  it("passes at or above the threshold and skips the escalation branch", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Canberra. Confidence: 80%", "t:strong": "unused" });
    const { result, events } = await run(cascade({ threshold: 0.8 }), { gateway });
    expect(result.outputs).toEqual({ answer: "Canberra. Confidence: 80%" });
    expect(outputOf(events, "gate")).toEqual({
      value: "Canberra. Confidence: 80%",
      text: "Canberra. Confidence: 80%",
      decision: "pass",
      confidence: 0.8,
      threshold: 0.8,
      reason: "confidence 0.80 ≥ threshold 0.8",
    });
    expect(nodeEvents(events, "strong")).toEqual(["node.skipped"]);
    expect(gateway.callsTo("t:strong")).toHaveLength(0);
  });

  it("escalates below the threshold; the escalated branch sees the forwarded text", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Sydney? Confidence: 79%", "t:strong": "Canberra" });
    const { result, events } = await run(cascade({ threshold: 0.8 }), { gateway });
    expect(result.outputs).toEqual({ answer: "Canberra" });
    expect(outputOf(events, "gate")).toMatchObject({ decision: "escalate", confidence: 0.79, reason: "confidence 0.79 < threshold 0.8" });
    expect(gateway.callsTo("t:strong")[0]!.prompt).toBe("q (was: Sydney? Confidence: 79%)");
  });

  it("escalates when no confidence is reported", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Canberra", "t:strong": "Canberra!" });
    const { result, events } = await run(cascade({ threshold: 0 }, "none"), { gateway });
    expect(result.outputs).toEqual({ answer: "Canberra!" });
    const gate = outputOf(events, "gate");
    expect(gate).toMatchObject({ decision: "escalate", reason: "no confidence reported upstream; escalating" });
    expect(gate.confidence).toBeUndefined();
  });

  it("reads confidence from a source template, e.g. a vote's agreement", async () => {
    const doc = (threshold: number) =>
      flow({
        nodes: [
          { id: "in", type: "input", data: { name: "question" } },
          { id: "a", type: "model", data: { model: "t:a", prompt: "{{input.question}}" } },
          { id: "b", type: "model", data: { model: "t:b", prompt: "{{input.question}}" } },
          { id: "c", type: "model", data: { model: "t:c", prompt: "{{input.question}}" } },
          { id: "vote", type: "vote", data: {} },
          { id: "gate", type: "gate", data: { threshold, source: "{{nodes.vote.agreement}}" } },
          { id: "strong", type: "model", data: { model: "t:strong", prompt: "{{input.question}}" } },
          { id: "out", type: "output" },
        ],
        edges: [
          ...["a", "b", "c"].flatMap((id) => [
            { source: "in", target: id },
            { source: id, target: "vote" },
          ]),
          { source: "vote", target: "gate" },
          { source: "gate", sourceHandle: "pass", target: "out" },
          { source: "gate", sourceHandle: "escalate", target: "strong" },
          { source: "strong", target: "out" },
        ],
      });
    const gateway = new ScriptedGateway({ "t:a": "Canberra", "t:b": "Canberra", "t:c": "Sydney", "t:strong": "Canberra (checked)" });
    const passed = await run(doc(0.6), { gateway });
    expect(passed.result.outputs).toEqual({ out: "Canberra" });
    expect(outputOf(passed.events, "gate").confidence).toBeCloseTo(2 / 3, 12);
    const escalated = await run(doc(0.7), { gateway });
    expect(escalated.result.outputs).toEqual({ out: "Canberra (checked)" });
    expect(outputOf(escalated.events, "gate").decision).toBe("escalate");
  });

  it("escalates when its source template renders nothing, even at threshold 0", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Canberra", "t:strong": "Canberra!" });
    const { result, events } = await run(cascade({ threshold: 0, source: "{{nodes.fast.confidence}}" }, "none"), { gateway });
    expect(outputOf(events, "gate")).toMatchObject({ decision: "escalate", reason: "no confidence reported upstream; escalating" });
    expect(result.outputs).toEqual({ answer: "Canberra!" });
  });

  it("escalates when its source template renders something that is not a number", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Canberra", "t:strong": "Canberra!" });
    const { events } = await run(cascade({ threshold: 0, source: "{{nodes.fast.text}}" }, "none"), { gateway });
    expect(nodeEvent(events, "node.completed", "gate").output.decision).toBe("escalate");
  });

  it("must have both ports wired and exactly one input", () => {
    const doc = flow({
      nodes: [
        { id: "c", type: "constant", data: { value: 1 } },
        { id: "d", type: "constant", data: { value: 2 } },
        { id: "gate", type: "gate", data: { threshold: 0.5 } },
        { id: "lonely", type: "gate", data: { threshold: 0.5 } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "c", target: "gate" },
        { source: "d", target: "gate" },
        { source: "gate", sourceHandle: "pass", target: "out" },
        { id: "no-port", source: "lonely", target: "out" },
        { id: "bad-port", source: "lonely", sourceHandle: "maybe", target: "out" },
      ],
    });
    const problems = validateFlow(doc).problems.map((p) => [p.code, p.nodeId ?? p.edgeId]);
    expect(problems).toEqual([
      ["missing-port", "no-port"],
      ["unknown-port", "bad-port"],
      ["too-many-inputs", "gate"],
      ["missing-input", "lonely"],
      ["gate-port-unwired", "gate"],
      ["gate-port-unwired", "lonely"],
      ["gate-port-unwired", "lonely"],
    ]);
    expect(validateFlow(doc).problems.find((p) => p.code === "gate-port-unwired")!.message).toBe("gate 'gate' has nothing connected to its 'escalate' port");
  });

  it("rejects a threshold outside [0, 1]", () => {
    const problems = validateFlow(cascade({ threshold: 1.5 })).problems;
    expect(problems).toEqual([expect.objectContaining({ code: "invalid-value", nodeId: "gate", path: "nodes.2.data.threshold" })]);
  });
});
