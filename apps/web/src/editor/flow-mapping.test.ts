import { describe, expect, it } from "vitest";
import { validateFlow } from "@switchyard/core";
import { fromFlowDocument, toFlowDocument, edgeIdBase } from "./flow-mapping";
import { templateByKey } from "../templates/templates";

describe("flow mapping", () => {
  it("maps the cascade example onto canvas nodes and edges with explicit handles", () => {
    const imported = fromFlowDocument(example("cascade"));
    expect(imported.nodes.map((n) => n.id)).toEqual(["in", "fast", "gate", "strong", "backup", "sorry", "out"]);
    expect(imported.unpositioned).toHaveLength(7);
    const escalate = imported.edges.find((e) => e.sourceHandle === "escalate");
    expect(escalate).toMatchObject({ source: "gate", target: "strong", type: "data", targetHandle: "in" });
    const fallback = imported.edges.find((e) => e.source === "strong" && e.target === "backup");
    expect(fallback).toMatchObject({ type: "fallback", sourceHandle: "fallback", data: { on: ["error", "timeout"] } });
    expect(imported.edges.find((e) => e.source === "in")?.sourceHandle).toBe("out");
  });

  it("round-trips every example to an equivalent, valid document", () => {
    for (const name of ["cascade", "ensemble-vote", "fallback-chain", "hybrid", "pipeline", "routing"]) {
      const original = example(name);
      const doc = toFlowDocument(fromFlowDocument(original));
      expect(validateFlow(doc).problems.filter((p) => p.severity === "error")).toEqual([]);
      const strip = (d: typeof doc) => ({
        ...d,
        nodes: d.nodes.map(({ position: _p, ...n }) => n),
        edges: d.edges.map(({ id: _id, ...e }) => e),
      });
      expect(strip(doc)).toEqual(strip(original));
    }
  });

  it("keeps positions and ids stable through a second round trip", () => {
    const once = toFlowDocument(fromFlowDocument(example("routing")));
    const twice = toFlowDocument(fromFlowDocument(once));
    expect(twice).toEqual(once);
    expect(fromFlowDocument(once).unpositioned).toEqual([]);
  });

  it("leaves canvas-only handles out of the document", () => {
    const doc = toFlowDocument(fromFlowDocument(example("fallback-chain")));
    const fallback = doc.edges.find((e) => e.kind === "fallback");
    expect(fallback?.sourceHandle).toBeUndefined();
    expect(doc.edges.every((e) => e.targetHandle === undefined)).toBe(true);
  });

  it("makes edge ids that core accepts (no dots)", () => {
    expect(edgeIdBase({ source: "gate", sourceHandle: "pass", target: "out", kind: "data" })).toBe("gate-pass-out");
    expect(edgeIdBase({ source: "a", target: "b", kind: "fallback" })).toBe("fb-a-b");
  });
});

function example(key: string) {
  const doc = templateByKey(key);
  if (!doc) throw new Error(`no example ${key}`);
  return doc;
}
