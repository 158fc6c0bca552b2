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

  it("refuses deeply nested garbage before any schema sees it, naming where", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 100_000; i++) deep = { a: deep, b: [deep] };
    const problems = timed({ ...base, nodes: [{ id: "c", type: "constant", data: { value: 1 }, extra: deep }, { id: "out", type: "output" }], edges: [{ source: "c", target: "out" }], junk: deep }).problems;
    expect(problems).toEqual([
      { severity: "error", code: "too-deep", nodeId: "c", path: "nodes.0.extra.a.a.a…", message: `the flow is nested more than ${FLOW_LIMITS.depth} levels deep at nodes.0.extra.a.a.a…` },
    ]);
  });

  it("refuses a constant nested past the limit, which would overflow JSON.stringify at run time", () => {
    let value: unknown = "x";
    for (let i = 0; i < 100_000; i++) value = [value];
    const doc = { ...base, nodes: [{ id: "c", type: "constant", data: { value } }, { id: "out", type: "output" }], edges: [{ source: "c", target: "out" }] };
    const parsed = JSON.parse(JSON.stringify({ ...doc, nodes: [] })) as Record<string, unknown>; // the real document comes from JSON text
    expect(timed({ ...parsed, nodes: doc.nodes }).problems).toEqual([expect.objectContaining({ code: "too-deep", nodeId: "c", path: "nodes.0.data.value.0.0…" })]);
    expect(prepareFlow({ ...parsed, nodes: doc.nodes }).ok).toBe(false);
    let shallow: unknown = "x";
    for (let i = 0; i < FLOW_LIMITS.depth - 5; i++) shallow = [shallow];
    expect(validateFlow({ ...doc, nodes: [{ id: "c", type: "constant", data: { value: shallow } }, doc.nodes[1]] }).ok).toBe(true);
  });

  it("survives a self-referencing object", () => {
    const cyclic: Record<string, unknown> = { ...base, nodes: [] };
    cyclic.edges = [cyclic];
    cyclic.self = cyclic;
    expect(timed(cyclic).problems).toEqual([expect.objectContaining({ code: "too-deep" })]);
  });

  it.each([
    ["a NUL in the name", { name: "a\u0000b" }, { code: "unstorable-text", path: "name", message: "name contains U+0000 (a NUL character) at character 2, which cannot be stored" }],
    ["a lone surrogate in a prompt", { nodes: [{ id: "m", type: "model", data: { model: "t:m", prompt: "hi \uD800" } }, { id: "out", type: "output" }], edges: [{ source: "m", target: "out" }] }, { code: "unstorable-text", nodeId: "m", path: "nodes.0.data.prompt", message: "node 'm': data.prompt contains an unpaired surrogate U+D800 at character 4 (not valid Unicode), which cannot be stored" }],
    ["a NUL in a node id", { nodes: [{ id: "c\u0000", type: "constant", data: { value: 1 } }, { id: "out", type: "output" }] }, { code: "unstorable-text", path: "nodes.0.id" }],
    ["a lone low surrogate in an edge id", { edges: [{ id: "\uDC00", source: "c", target: "out" }] }, { code: "unstorable-text", path: "edges.0.id" }],
    ["a NUL in a key", { nodes: [{ id: "c", type: "constant", data: { value: { "k\u0000": 1 } } }, { id: "out", type: "output" }] }, { code: "unstorable-text", nodeId: "c", path: "nodes.0.data.value.k\uFFFD" }],
  ])("refuses %s, naming where, without throwing", (_label, parts, expected) => {
    const problems = timed({ ...base, ...ok, ...parts }).problems;
    expect(problems[0]).toMatchObject(expected);
    expect(JSON.stringify(problems)).not.toMatch(/\\u0000|\\ud8|\\udc/i); // the messages themselves are storable
  });

  it("never throws on mutated documents", () => {
    const seeds: unknown[] = [null, 0, -1, 1e308, "", "x", "\u0000", "\uD800", true, [], {}, [null], { id: 1 }, { __proto__: 1 }];
    const spots = ["name", "inputs", "nodes", "edges", "settings", "description"];
    for (const spot of spots) {
      for (const value of seeds) {
        expect(() => validateFlow({ ...base, ...ok, [spot]: value })).not.toThrow();
        expect(() => validateFlow({ ...base, ...ok, nodes: [{ id: "c", type: "constant", data: { value: 1 }, [spot]: value }, ok.nodes[1]] })).not.toThrow();
        expect(() => validateFlow({ ...base, ...ok, nodes: [{ id: value, type: value, data: value }] })).not.toThrow();
        expect(() => prepareFlow({ ...base, ...ok, edges: [{ source: value, target: value, on: value, kind: value }] })).not.toThrow();
      }
    }
  });

  it("prepareFlow refuses everything above without throwing", () => {
    for (const raw of [null, [], "x", { ...base, nodes: "x" }, { ...base, inputs: [null], nodes: [] }]) expect(prepareFlow(raw).ok).toBe(false);
  });
});
