import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, nodeEvents, run } from "../test-support/run-helpers";
import { ModelError } from "../model/model-errors";

const cascade = flow({
  nodes: [
    { id: "in", type: "input", data: { name: "question" } },
    { id: "fast", type: "model", data: { model: "t:fast", prompt: "{{input.question}}", confidence: "self-report" } },
    { id: "gate", type: "gate", data: { threshold: 0.8 } },
    { id: "strong", type: "model", data: { model: "t:strong", prompt: "{{input.question}}", retry: { maxAttempts: 2, baseDelayMs: 1 } } },
    { id: "backup", type: "model", data: { model: "t:backup", prompt: "{{input.question}}" } },
    { id: "sorry", type: "constant", data: { value: "busy" } },
    { id: "out", type: "output", data: { name: "answer" } },
  ],
  edges: [
    { source: "in", target: "fast" },
    { source: "fast", target: "gate" },
    { source: "gate", sourceHandle: "pass", target: "out" },
    { source: "gate", sourceHandle: "escalate", target: "strong" },
    { source: "strong", target: "out" },
    { source: "strong", target: "backup", kind: "fallback", on: ["error", "timeout"] },
    { source: "backup", target: "sorry", kind: "fallback" },
    { source: "backup", target: "out" },
    { source: "sorry", target: "out" },
  ],
});

describe("executor: cascade with fallback", () => {
  it("passes a confident answer and skips the escalation branch", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Canberra. Confidence: 92%", "t:strong": "x", "t:backup": "y" });
    const { result, events } = await run(cascade, { gateway });
    expect(result.status).toBe("completed");
    expect(result.outputs).toEqual({ answer: "Canberra. Confidence: 92%" });
    expect(nodeEvents(events, "strong")).toEqual(["node.skipped"]);
    expect(nodeEvents(events, "backup")).toEqual(["node.skipped"]);
    expect(gateway.callsTo("t:strong")).toHaveLength(0);
  });

  it("escalates a low-confidence answer to the strong model", async () => {
    const gateway = new ScriptedGateway({ "t:fast": "Sydney? Confidence: 40%", "t:strong": "Canberra", "t:backup": "y" });
    const { result, events } = await run(cascade, { gateway });
    expect(result.outputs).toEqual({ answer: "Canberra" });
    const gate = events.find((e) => e.type === "node.completed" && e.nodeId === "gate");
    expect(gate).toMatchObject({ output: { decision: "escalate", confidence: 0.4 } });
  });

  it("walks the fallback chain to the default response when every model fails", async () => {
    const down = new ModelError("server_error", "HTTP 500", { status: 500 });
    const gateway = new ScriptedGateway({ "t:fast": "? Confidence: 10%", "t:strong": down, "t:backup": down });
    const { result, events } = await run(cascade, { gateway });
    expect(result.status).toBe("completed");
    expect(result.outputs).toEqual({ answer: "busy" });
    expect(nodeEvents(events, "strong")).toEqual(["node.started", "node.retry", "node.failed", "node.fallback"]);
    expect(events.filter((e) => e.type === "node.fallback").map((e) => [e.from, e.to, e.reason])).toEqual([
      ["strong", "backup", "error"],
      ["backup", "sorry", "error"],
    ]);
  });
});
