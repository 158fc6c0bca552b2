import { describe, expect, it, vi } from "vitest";
import { createEditorStore } from "./editor-store";
import { templateByKey } from "../templates/templates";

function cascade() {
  const doc = templateByKey("cascade");
  if (!doc) throw new Error("missing cascade example");
  return doc;
}

describe("editor store", () => {
  it("lays out a document without positions on load", async () => {
    const store = createEditorStore();
    await store.getState().loadDocument(cascade());
    const xs = new Map(store.getState().nodes.map((n) => [n.id, n.position.x]));
    expect(xs.get("in")).toBeLessThan(xs.get("fast")!);
    expect(xs.get("fast")).toBeLessThan(xs.get("gate")!);
    expect(xs.get("gate")).toBeLessThan(xs.get("out")!);
    expect(store.getState().pendingLayout).toBe(false);
  });

  it("adds nodes with defaults and unique ids, and undoes that", () => {
    const store = createEditorStore();
    const a = store.getState().addNode("model", { x: 0, y: 0 });
    const b = store.getState().addNode("model", { x: 0, y: 100 });
    expect([a, b]).toEqual(["model", "model-2"]);
    expect(store.getState().nodes[1]?.data).toEqual({ model: "sim:fast", prompt: "{{input.question}}" });
    expect(store.getState().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["model-2"]);
    store.getState().undo();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(["model"]);
    store.getState().redo();
    expect(store.getState().nodes).toHaveLength(2);
  });

  it("creates fallback edges from the fallback handle and data edges otherwise", () => {
    const store = createEditorStore();
    store.getState().addNode("model", { x: 0, y: 0 });
    store.getState().addNode("constant", { x: 300, y: 0 });
    store.getState().onConnect({ source: "model", sourceHandle: "fallback", target: "constant", targetHandle: "in" });
    store.getState().onConnect({ source: "model", sourceHandle: "out", target: "constant", targetHandle: "in" });
    const [fallback, data] = store.getState().edges;
    expect(fallback).toMatchObject({ type: "fallback", data: { on: ["error", "timeout"] } });
    expect(data).toMatchObject({ type: "data", sourceHandle: "out" });
    expect(store.getState().toDocument().edges.map((e) => e.kind)).toEqual(["fallback", "data"]);
  });

  it("merges a burst of typing into one undo step", () => {
    const store = createEditorStore();
    store.getState().addNode("model", { x: 0, y: 0 });
    for (const prompt of ["H", "He", "Hel", "Hello"]) store.getState().updateNodeData("model", { model: "sim:fast", prompt }, "data:model:prompt");
    store.getState().undo();
    expect(store.getState().nodes[0]?.data.prompt).toBe("{{input.question}}");
  });

  it("renames a node with its edges and references", async () => {
    const store = createEditorStore();
    await store.getState().loadDocument(templateByKey("pipeline")!);
    expect(store.getState().renameNode("plan", "bad id")).toMatch(/letter/);
    expect(store.getState().renameNode("plan", "code")).toMatch(/already/);
    expect(store.getState().renameNode("plan", "outline")).toBeUndefined();
    const doc = store.getState().toDocument();
    expect(doc.edges.some((e) => e.source === "outline")).toBe(true);
    expect(JSON.stringify(doc.nodes)).not.toContain("nodes.plan.");
  });

  it("validates after changes, debounced, and indexes problems by node", async () => {
    vi.useFakeTimers();
    try {
      const store = createEditorStore({ validateDelayMs: 100 });
      store.getState().addNode("gate", { x: 0, y: 0 });
      expect(store.getState().problems.byNode.gate).toBeUndefined();
      vi.advanceTimersByTime(100);
      const codes = store.getState().problems.byNode.gate?.map((p) => p.code);
      expect(codes).toEqual(expect.arrayContaining(["missing-input", "gate-port-unwired"]));
    } finally {
      vi.useRealTimers();
    }
  });

  it("copies and pastes the selection, then deletes it in one step", () => {
    const store = createEditorStore();
    store.getState().addNode("model", { x: 0, y: 0 });
    store.getState().copy();
    store.getState().paste();
    expect(store.getState().nodes.map((n) => [n.id, n.selected])).toEqual([["model", false], ["model-2", true]]);
    store.getState().deleteSelection();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(["model"]);
    store.getState().undo();
    expect(store.getState().nodes).toHaveLength(2);
  });
});
