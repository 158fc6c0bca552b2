import { describe, expect, it } from "vitest";
import { FLOW_FORMAT } from "../flow/flow-schema";
import { FLOW_LIMITS } from "../flow/limits";
import { prepareFlow } from "../engine/plan";
import { validateFlow } from "./validate-flow";

const base = { format: FLOW_FORMAT, name: "hostile" };
const ok = { nodes: [{ id: "c", type: "constant", data: { value: 1 } }, { id: "out", type: "output" }], edges: [{ source: "c", target: "out" }] };

/** Validates within a time limit; validation must never throw on any input. */
function timed(raw: unknown, limitMs = 1000) {
  const started = Date.now();
  const result = validateFlow(raw);
  expect(Date.now() - started).toBeLessThan(limitMs);
  expect(result.ok).toBe(false);
  return result;
}

describe("validateFlow on hostile input", () => {
  it.each([
    ["null", null],
    ["an array", [1, 2]],
    ["a string", '{"format": "switchyard.flow/v1"}'],
    ["a number", 42],
    ["undefined", undefined],
  ])("rejects %s as not a JSON object", (_label, raw) => {
    expect(timed(raw).problems).toEqual([{ severity: "error", code: "invalid-format", message: "a flow document must be a JSON object" }]);
  });

  it("rejects a document without format", () => {
    expect(timed({ name: "x", nodes: [] }).problems).toEqual([
      { severity: "error", code: "invalid-format", message: 'not a Switchyard flow: missing "format": "switchyard.flow/v1"' },
    ]);
  });

  it.each([["switchyard.flow/v9"], [7], ["__proto__"], ["constructor"]])("rejects unknown format %j", (format) => {
    expect(timed({ ...ok, name: "x", format }).problems).toEqual([
      { severity: "error", code: "invalid-format", message: `unsupported flow format ${JSON.stringify(format)}; this version reads switchyard.flow/v1` },
    ]);
  });

  it("reports wrong top-level types without crashing", () => {
    const problems = timed({ format: FLOW_FORMAT, name: 5, nodes: "many", edges: { a: 1 }, inputs: [null, 3, { name: 4 }], settings: [] }).problems;
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(["name", "nodes", "edges", "inputs.0", "inputs.1", "inputs.2.name", "settings"]));
    expect(problems.every((p) => p.code === "invalid-value" || p.code === "no-output")).toBe(true);
  });

  it("reports garbage inside nodes and edges, naming the item", () => {
    const problems = timed({ ...base, nodes: [null, 7, { id: "ok-node", type: 3 }, ...ok.nodes], edges: [null, "e", ...ok.edges] }).problems;
    expect(problems.map((p) => [p.path, p.nodeId ?? p.edgeId])).toEqual([
      ["nodes.0", "#0"],
      ["nodes.1", "#1"],
      ["nodes.2.type", "ok-node"],
      ["edges.0", "#0"],
      ["edges.1", "#1"],
    ]);
  });

  it("reports a 10 MB prompt as too big, quickly", () => {
    const prompt = "x".repeat(10_000_000);
    const doc = { ...base, nodes: [{ id: "m", type: "model", data: { model: "t:m", prompt } }, { id: "out", type: "output" }], edges: [{ source: "m", target: "out" }] };
    const problems = timed(doc, 2000).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "invalid-value", nodeId: "m", path: "nodes.0.data.prompt" });
    expect(problems[0]!.message).toBe(`node 'm': data.prompt: Too big: expected string to have <=${FLOW_LIMITS.textChars} characters`);
  });

  it("reports 10 MB names and descriptions as too big", () => {
    const huge = "y".repeat(10_000_000);
    const problems = timed({ ...ok, ...base, name: huge, description: huge }, 2000).problems;
    expect(problems.map((p) => p.path)).toEqual(["name", "description"]);
    expect(problems.every((p) => p.message.includes("Too big"))).toBe(true);
  });

  it("reports 5000 nodes as over the limit, quickly", () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, type: "constant", data: { value: i } }));
    const edges = nodes.map((n) => ({ source: n.id, target: "out" }));
    const problems = timed({ ...base, nodes: [...nodes, { id: "out", type: "output" }], edges }, 3000).problems;
    expect(problems).toContainEqual(expect.objectContaining({ code: "invalid-value", path: "nodes", message: `flow: nodes: Too big: expected array to have <=${FLOW_LIMITS.nodes} items` }));
    expect(problems).toContainEqual(expect.objectContaining({ code: "invalid-value", path: "edges", message: `flow: edges: Too big: expected array to have <=${FLOW_LIMITS.edges} items` }));
  });

  it("validates a long pipeline at the node limit without overflowing the stack", () => {
    const nodes = Array.from({ length: FLOW_LIMITS.nodes - 1 }, (_, i) => ({ id: `n${i}`, type: "template", data: { template: i === 0 ? "start" : `{{nodes.n${i - 1}}}` } }));
    const edges = nodes.slice(1).map((n, i) => ({ source: `n${i}`, target: n.id }));
    const doc = { ...base, nodes: [...nodes, { id: "out", type: "output" }], edges: [...edges, { source: `n${nodes.length - 1}`, target: "out" }] };
    const started = Date.now();
    const result = validateFlow(doc);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.problems).toEqual([]);
  });

  it("survives deeply nested garbage", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 100_000; i++) deep = { a: deep, b: [deep] };
    const problems = timed({ ...base, nodes: [{ id: "c", type: "constant", data: { value: 1 }, extra: deep }, { id: "out", type: "output" }], edges: [{ source: "c", target: "out" }], junk: deep }).problems;
    expect(problems.slice(0, 2).map((p) => [p.code, p.path, p.nodeId])).toEqual([
      ["invalid-value", "nodes.0", "c"],
      ["invalid-value", "", undefined],
    ]);
    expect(problems[0]!.message).toContain("extra");
    expect(problems[1]!.message).toContain("junk");
  });

  it("survives a self-referencing object", () => {
    const cyclic: Record<string, unknown> = { ...base, nodes: [] };
    cyclic.edges = [cyclic];
    cyclic.self = cyclic;
    expect(timed(cyclic).problems.length).toBeGreaterThan(0);
  });

  it("prepareFlow refuses everything above without throwing", () => {
    for (const raw of [null, [], "x", { ...base, nodes: "x" }, { ...base, inputs: [null], nodes: [] }]) expect(prepareFlow(raw).ok).toBe(false);
  });
});
