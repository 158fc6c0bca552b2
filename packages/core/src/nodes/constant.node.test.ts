import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, nodeEvent, nodeEvents, outputOf, run } from "../test-support/run-helpers";
import { ModelError } from "../model/model-errors";
import { validateFlow } from "../validation/validate-flow";

describe("constant node", () => {
  it("emits its fixed value, rendered as JSON in templates when it is an object", async () => {
    const doc = flow({
      nodes: [
        { id: "c", type: "constant", data: { value: { a: [1, 2], b: null } } },
        { id: "t", type: "template", data: { template: "value={{nodes.c}} text={{nodes.c.text}} a={{nodes.c.value.a}}" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "c", target: "t" },
        { source: "t", target: "out" },
      ],
    });
    const { result, events } = await run(doc, { gateway: new ScriptedGateway({}) });
    expect(outputOf(events, "c")).toEqual({ value: { a: [1, 2], b: null }, text: '{"a":[1,2],"b":null}' });
    expect(result.outputs).toEqual({ out: 'value={"a":[1,2],"b":null} text={"a":[1,2],"b":null} a=[1,2]' });
  });

  it("is the default response at the end of a fallback chain, and skipped when not needed", async () => {
    const doc = flow({
      nodes: [
        { id: "m", type: "model", data: { model: "t:m", prompt: "{{input.question}}", retry: { maxAttempts: 1 } } },
        { id: "sorry", type: "constant", data: { value: "The service is busy." } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "m", target: "out" },
        { source: "m", target: "sorry", kind: "fallback" },
        { source: "sorry", target: "out" },
      ],
    });
    const failing = await run(doc, { gateway: new ScriptedGateway({ "t:m": new ModelError("auth", "bad key", { status: 401 }) }) });
    expect(failing.result.status).toBe("completed");
    expect(failing.result.outputs).toEqual({ out: "The service is busy." });
    expect(nodeEvent(failing.events, "node.fallback", "m")).toMatchObject({ from: "m", to: "sorry", reason: "error" });

    const working = await run(doc, { gateway: new ScriptedGateway({ "t:m": "fine" }) });
    expect(working.result.outputs).toEqual({ out: "fine" });
    expect(nodeEvents(working.events, "sorry")).toEqual(["node.skipped"]);
    expect(nodeEvent(working.events, "node.skipped", "sorry").reason).toBe("fallback not needed");
  });

  it("cannot be the source of a fallback edge: it never fails", () => {
    const doc = flow({
      nodes: [
        { id: "c", type: "constant", data: { value: 1 } },
        { id: "d", type: "constant", data: { value: 2 } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "c", target: "out" },
        { id: "never", source: "c", target: "d", kind: "fallback" },
        { source: "d", target: "out" },
      ],
    });
    const result = validateFlow(doc);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "fallback-never-fires", edgeId: "never", message: "fallback edge 'never': constant 'c' cannot fail, so it would never be taken" }),
    ]);
  });
});
