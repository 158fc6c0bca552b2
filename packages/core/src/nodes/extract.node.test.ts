import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, nodeEvent, outputOf, run } from "../test-support/run-helpers";
import { validateFlow } from "../validation/validate-flow";

function extract(data: Record<string, unknown>) {
  return flow({
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: "ex", type: "extract", data },
      { id: "use", type: "template", data: { template: "{{nodes.ex.fields.city}}|{{nodes.ex.missing}}" } },
      { id: "out", type: "output" },
    ],
    edges: [
      { source: "in", target: "ex" },
      { source: "ex", target: "use" },
      { source: "use", target: "out" },
    ],
  });
}

describe("extract node without a model", () => {
  it("reads fields from JSON in the text", async () => {
    const gateway = new ScriptedGateway({});
    const doc = extract({ fields: [{ name: "city" }, { name: "population" }, { name: "mayor" }] });
    const { result, events } = await run(doc, { gateway, inputs: { question: 'Result: {"city": "Oslo", "population": 0, "mayor": null}' } });
    expect(outputOf(events, "ex")).toEqual({
      value: { city: "Oslo", population: 0 },
      text: '{"city":"Oslo","population":0}',
      fields: { city: "Oslo", population: 0 },
      missing: ["mayor"],
    });
    expect(result.outputs).toEqual({ out: 'Oslo|["mayor"]' });
    expect(gateway.calls).toHaveLength(0);
  });

  it("reads fields from patterns and 'name: value' lines", async () => {
    const doc = extract({ fields: [{ name: "city" }, { name: "zip", pattern: "zip code (\\d+)" }, { name: "country" }] });
    const text = "Shipping to:\n - city: Bergen \nZIP code 5003, thanks";
    const { events } = await run(doc, { gateway: new ScriptedGateway({}), inputs: { question: text } });
    expect(outputOf(events, "ex")).toMatchObject({ value: { city: "Bergen", zip: "5003" }, missing: ["country"] });
  });
});

describe("extract node with a model", () => {
  it("asks the model for JSON and reads its reply", async () => {
    const gateway = new ScriptedGateway({ "t:ex": '```json\n{"city": "Paris", "date": null}\n```' });
    const doc = extract({ model: "t:ex", fields: [{ name: "city", description: "where" }, { name: "date" }] });
    const { result, events } = await run(doc, { gateway, inputs: { question: "Flying to Paris soon" } });
    expect(gateway.calls).toHaveLength(1);
    expect(gateway.calls[0]).toMatchObject({ prompt: "Fields:\n- city: where\n- date\n\nText:\nFlying to Paris soon", temperature: 0 });
    expect(outputOf(events, "ex")).toMatchObject({ value: { city: "Paris" }, missing: ["date"] });
    expect(result.outputs).toEqual({ out: 'Paris|["date"]' });
    expect(nodeEvent(events, "node.completed", "ex").costUsd).toBeGreaterThan(0);
  });

  it("fails when the model fails", async () => {
    const doc = extract({ model: "t:gone", fields: [{ name: "city" }] });
    const { result, events } = await run(doc, { gateway: new ScriptedGateway({}) });
    expect(result.status).toBe("failed");
    expect(nodeEvent(events, "node.failed", "ex").error.code).toBe("unavailable");
  });
});

describe("extract node validation", () => {
  it("reports an invalid field pattern and an empty field list", () => {
    const bad = validateFlow(extract({ fields: [{ name: "city", pattern: "(" }] })).problems;
    expect(bad.map((p) => [p.code, p.nodeId])).toEqual([["invalid-regex", "ex"]]);
    expect(bad[0]!.message).toBe("extract 'ex', field 'city': /(/i is not a valid regular expression: missing closing ): `(`");
    const empty = validateFlow(extract({ fields: [] })).problems;
    expect(empty.map((p) => [p.code, p.nodeId, p.path])).toEqual([["invalid-value", "ex", "nodes.1.data.fields"]]);
  });
});
