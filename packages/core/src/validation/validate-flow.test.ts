import { describe, expect, it } from "vitest";
import { flow } from "../test-support/run-helpers";
import { prepareFlow } from "../engine/plan";
import { validateFlow } from "./validate-flow";
import type { ValidationProblem } from "./problems";

const where = (problems: ValidationProblem[]) => problems.map((p) => [p.code, p.nodeId ?? p.edgeId ?? null]);

const model = (id: string, prompt = "{{input.question}}") => ({ id, type: "model", data: { model: "t:m", prompt } });

describe("validateFlow: a valid flow", () => {
  it("has no problems and parses with defaults applied", () => {
    const doc = flow({ nodes: [{ id: "in", type: "input", data: { name: "question" } }, model("m"), { id: "out", type: "output" }], edges: [{ source: "in", target: "m" }, { source: "m", target: "out" }] });
    const result = validateFlow(doc);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.document?.edges[0]!.kind).toBe("data");
    expect(result.nodeData.get("m")).toMatchObject({ timeoutMs: 60_000, confidence: "none" });
  });
});

describe("validateFlow: each problem names its node or edge", () => {
  it("unknown node type", () => {
    const result = validateFlow(flow({ nodes: [{ id: "x", type: "teleport" }, { id: "out", type: "output" }], edges: [{ source: "x", target: "out" }] }));
    expect(result.problems).toEqual([{ severity: "error", code: "unknown-node-type", message: "node 'x' has unknown type 'teleport'", nodeId: "x" }]);
  });

  it("a node type that is an Object.prototype name is unknown", () => {
    const result = validateFlow(flow({ nodes: [{ id: "x", type: "constructor" }, { id: "out", type: "output" }], edges: [{ source: "x", target: "out" }] }));
    expect(where(result.problems)).toEqual([["unknown-node-type", "x"]]);
  });

  it("invalid node data (wrong types)", () => {
    const doc = flow({ nodes: [{ id: "m", type: "model", data: { model: "t:m", prompt: 42, timeoutMs: "soon" } }, { id: "out", type: "output" }], edges: [{ source: "m", target: "out" }] });
    const problems = validateFlow(doc).problems;
    expect(problems.map((p) => [p.code, p.nodeId, p.path])).toEqual([
      ["invalid-value", "m", "nodes.0.data.prompt"],
      ["invalid-value", "m", "nodes.0.data.timeoutMs"],
    ]);
    expect(problems[0]!.message).toBe("node 'm': data.prompt: Invalid input: expected string, received number");
  });

  it("unknown keys in node data", () => {
    const problems = validateFlow(flow({ nodes: [{ id: "c", type: "constant", data: { value: 1, vaule: 2 } }, { id: "out", type: "output" }], edges: [{ source: "c", target: "out" }] })).problems;
    expect(where(problems)).toEqual([["invalid-value", "c"]]);
    expect(problems[0]!.message).toContain("vaule");
  });

  it("dangling edge", () => {
    const result = validateFlow(flow({ nodes: [model("m"), { id: "out", type: "output" }], edges: [{ source: "m", target: "out" }, { id: "lost", source: "m", target: "nowhere" }] }));
    expect(result.problems).toEqual([{ severity: "error", code: "dangling-edge", message: "edge 'lost' connects to 'nowhere', which does not exist", edgeId: "lost" }]);
  });

  it("duplicate node id", () => {
    const result = validateFlow(flow({ nodes: [model("m"), model("m"), { id: "out", type: "output" }], edges: [{ source: "m", target: "out" }] }));
    expect(where(result.problems)).toEqual([["duplicate-node-id", "m"]]);
  });

  it("duplicate edge, and duplicate edge id", () => {
    const doc = flow({
      nodes: [model("m"), { id: "out", type: "output" }],
      edges: [
        { id: "e1", source: "m", target: "out" },
        { id: "e2", source: "m", target: "out" },
        { id: "e2", source: "m", target: "out", kind: "fallback" },
      ],
    });
    expect(where(validateFlow(doc).problems)).toEqual([
      ["duplicate-edge", "e2"],
      ["duplicate-edge-id", "e2"],
    ]);
  });

  it("self loop", () => {
    expect(where(validateFlow(flow({ nodes: [model("m"), { id: "out", type: "output" }], edges: [{ id: "loop", source: "m", target: "m" }, { source: "m", target: "out" }] })).problems)).toEqual([["self-loop", "loop"]]);
  });

  it("cycle, with its path in the message", () => {
    const doc = flow({
      nodes: [model("a"), model("b"), model("c"), { id: "out", type: "output" }],
      edges: [
        { source: "a", target: "b" },
        { source: "b", target: "c" },
        { source: "c", target: "a" },
        { source: "c", target: "out" },
      ],
    });
    expect(validateFlow(doc).problems).toEqual([{ severity: "error", code: "cycle", message: "cycle: a → b → c → a (a flow must be acyclic)", nodeId: "a" }]);
  });

  it("cycle through a template reference", () => {
    const doc = flow({ nodes: [model("a", "{{nodes.b.text}}"), model("b"), { id: "out", type: "output" }], edges: [{ source: "a", target: "b" }, { source: "b", target: "out" }] });
    expect(validateFlow(doc).problems).toEqual([expect.objectContaining({ code: "cycle", message: "cycle: a → b → a (a flow must be acyclic)" })]);
  });

  it("fallback loop", () => {
    const doc = flow({
      nodes: [model("a"), model("b"), { id: "out", type: "output" }],
      edges: [
        { source: "a", target: "b", kind: "fallback" },
        { source: "b", target: "a", kind: "fallback" },
        { source: "a", target: "out" },
        { source: "b", target: "out" },
      ],
    });
    expect(validateFlow(doc).problems).toEqual([{ severity: "error", code: "fallback-loop", message: "fallback chain loops: a → b → a", nodeId: "a" }]);
  });

  describe("template references", () => {
    const referencing = (prompt: string) => flow({ nodes: [model("src"), model("m", prompt), { id: "out", type: "output" }], edges: [{ source: "src", target: "m" }, { source: "m", target: "out" }] });

    it("to a missing node", () => {
      expect(validateFlow(referencing("{{nodes.ghost.text}}")).problems).toEqual([
        { severity: "error", code: "unknown-reference", message: "node 'm' references node 'ghost', which does not exist", nodeId: "m" },
      ]);
    });

    it("to an undeclared input", () => {
      expect(validateFlow(referencing("{{input.topic}}")).problems).toEqual([
        { severity: "error", code: "unknown-input", message: "node 'm' references input 'topic', which the flow does not declare (inputs: question)", nodeId: "m" },
      ]);
    });

    it("to an unknown field", () => {
      expect(validateFlow(referencing("{{nodes.src.answer}}")).problems).toEqual([
        expect.objectContaining({ code: "unknown-field", nodeId: "m", message: "node 'm' references '{{nodes.src.answer}}', but model nodes have no field 'answer' (fields: text, value, confidence, model, usage, costUsd, prompt)" }),
      ]);
    });

    it("to itself", () => {
      expect(where(validateFlow(referencing("{{nodes.m.text}}")).problems)).toEqual([["self-reference", "m"]]);
    });

    it.each(["{{constructor}}", "{{__proto__}}", "{{nodes.src.__proto__}}", "{{input.constructor}}", "{{nodes.src.prototype}}", "{{ nodes..text }}", "{{input}}", "{{env.HOME}}", "{{input.a.b}}"])("rejects %s as an invalid reference", (ref) => {
      const problems = validateFlow(referencing(`x ${ref} y`)).problems;
      expect(problems).toEqual([
        { severity: "error", code: "invalid-reference", message: `node 'm': '${ref}' is not a valid reference; use {{input.<name>}} or {{nodes.<id>.<field>}}`, nodeId: "m" },
      ]);
    });

    it("checks the system prompt too", () => {
      const doc = flow({ nodes: [{ id: "m", type: "model", data: { model: "t:m", prompt: "ok", system: "{{nodes.nope}}" } }, { id: "out", type: "output" }], edges: [{ source: "m", target: "out" }] });
      expect(where(validateFlow(doc).problems)).toEqual([["unknown-reference", "m"]]);
    });
  });

  it("gate without both ports", () => {
    const doc = flow({ nodes: [model("m"), { id: "g", type: "gate", data: { threshold: 0.5 } }, { id: "out", type: "output" }], edges: [{ source: "m", target: "g" }, { source: "g", sourceHandle: "pass", target: "out" }] });
    expect(validateFlow(doc).problems).toEqual([{ severity: "error", code: "gate-port-unwired", message: "gate 'g' has nothing connected to its 'escalate' port", nodeId: "g" }]);
  });

  it("router route without an edge, and a default that is not a route", () => {
    const doc = flow({
      nodes: [model("m"), { id: "r", type: "router", data: { routes: [{ name: "a", keywords: ["x"] }, { name: "b" }], default: "z" } }, { id: "out", type: "output" }],
      edges: [{ source: "m", target: "r" }, { source: "r", sourceHandle: "a", target: "out" }],
    });
    expect(where(validateFlow(doc).problems)).toEqual([["route-unwired", "r"], ["unknown-default-route", "r"]]);
  });

  it("vote quorum above its inputs", () => {
    const doc = flow({ nodes: [model("a"), model("b"), { id: "v", type: "vote", data: { quorum: 3 } }, { id: "out", type: "output" }], edges: [{ source: "a", target: "v" }, { source: "b", target: "v" }, { source: "v", target: "out" }] });
    expect(validateFlow(doc).problems).toEqual([{ severity: "error", code: "quorum-too-high", message: "vote 'v' needs a quorum of 3 but has only 2 inputs", nodeId: "v" }]);
  });

  it("no output", () => {
    expect(validateFlow(flow({ nodes: [model("m")] })).problems).toEqual([{ severity: "error", code: "no-output", message: "the flow has no output node, so a run would produce nothing" }]);
  });

  it("fallback from a node that cannot fail, and from a port", () => {
    const doc = flow({
      nodes: [{ id: "in", type: "input", data: { name: "question" } }, model("m"), { id: "g", type: "gate", data: { threshold: 0.5 } }, { id: "out", type: "output" }],
      edges: [
        { source: "in", target: "m" },
        { id: "fb", source: "in", target: "out", kind: "fallback" },
        { source: "m", target: "g" },
        { source: "g", sourceHandle: "pass", target: "out" },
        { source: "g", sourceHandle: "escalate", target: "out" },
        { id: "fb-port", source: "m", sourceHandle: "out", target: "out", kind: "fallback" },
      ],
    });
    expect(where(validateFlow(doc).problems)).toEqual([["fallback-never-fires", "fb"], ["fallback-port", "fb-port"]]);
  });

  it("low_confidence fallback without a threshold; a threshold without low_confidence is a warning; a data edge takes neither", () => {
    const doc = flow({
      nodes: [model("a"), model("b"), model("c"), { id: "out", type: "output" }],
      edges: [
        { id: "no-threshold", source: "a", target: "b", kind: "fallback", on: ["low_confidence"] },
        { id: "unused", source: "b", target: "c", kind: "fallback", threshold: 0.5 },
        { id: "data-on", source: "c", target: "out", on: ["error"] },
      ],
    });
    const result = validateFlow(doc);
    expect(result.problems.map((p) => [p.code, p.edgeId, p.severity])).toEqual([
      ["missing-threshold", "no-threshold", "error"],
      ["unused-threshold", "unused", "warning"],
      ["data-edge-trigger", "data-on", "error"],
    ]);
  });

  it("reports a checkModel problem with the node id", () => {
    const doc = flow({ nodes: [model("m"), { id: "out", type: "output" }], edges: [{ source: "m", target: "out" }] });
    const result = validateFlow(doc, { checkModel: (id) => ({ severity: "error", message: `no key for ${id}` }) });
    expect(result.problems).toEqual([{ severity: "error", code: "model-unavailable", message: "node 'm': no key for t:m", nodeId: "m" }]);
  });

  it("reports every problem of a flow at once", () => {
    const doc = flow({
      nodes: [
        { id: "x", type: "teleport" },
        model("m", "{{nodes.ghost}} {{constructor}}"),
        model("m"),
        { id: "g", type: "gate", data: { threshold: 2 } },
        { id: "v", type: "vote", data: { quorum: 5 } },
      ],
      edges: [
        { id: "lost", source: "m", target: "nowhere" },
        { source: "m", target: "v" },
        { source: "x", target: "v" },
      ],
    });
    const result = validateFlow(doc);
    expect(result.ok).toBe(false);
    expect(where(result.problems)).toEqual([
      ["unknown-node-type", "x"],
      ["duplicate-node-id", "m"],
      ["invalid-value", "g"],
      ["dangling-edge", "lost"],
      ["missing-input", "g"],
      ["quorum-too-high", "v"],
      ["invalid-reference", "m"],
      ["unknown-reference", "m"],
      ["no-output", null],
    ]);
  });
});

describe("prepareFlow", () => {
  it("refuses an invalid flow with its problems", () => {
    const prepared = prepareFlow(flow({ nodes: [model("m")] }));
    expect(prepared.ok).toBe(false);
    expect(prepared.ok ? [] : where(prepared.problems)).toEqual([["no-output", null]]);
  });

  it("compiles dependencies from edges and template references, and keeps warnings", () => {
    const doc = flow({
      nodes: [model("a"), model("b", "{{nodes.a.text}}"), { id: "v", type: "vote", data: {} }, { id: "out", type: "output" }],
      edges: [{ source: "b", target: "v" }, { source: "v", target: "out" }],
    });
    const prepared = prepareFlow(doc);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const b = prepared.flow.byId.get("b")!;
    expect(b.dependencyCount).toBe(1);
    expect(prepared.flow.byId.get("a")!.dependents).toEqual([b.index]);
    expect(prepared.flow.warnings.map((w) => w.code)).toEqual(["vote-too-few-inputs"]);
    expect(prepared.flow.outputs.map((o) => o.name)).toEqual(["out"]);
    expect(prepared.flow.inputs).toEqual([{ name: "question", type: "string" }]);
  });
});
