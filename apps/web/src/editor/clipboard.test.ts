import { describe, expect, it } from "vitest";
import { copySelection, pasteClipboard } from "./clipboard";
import type { EditorEdge, EditorNode } from "./editor-types";

const nodes: EditorNode[] = [
  { id: "plan", type: "model", position: { x: 0, y: 0 }, data: { model: "sim:fast", prompt: "{{input.q}}" }, selected: true },
  { id: "code", type: "model", position: { x: 300, y: 50 }, data: { model: "sim:fast", prompt: "{{nodes.plan.text}}" }, selected: true },
  { id: "out", type: "output", position: { x: 600, y: 0 }, data: {} },
];
const edges: EditorEdge[] = [
  { id: "plan-code", source: "plan", target: "code", sourceHandle: "out", targetHandle: "in", type: "data", data: {} },
  { id: "code-out", source: "code", target: "out", sourceHandle: "out", targetHandle: "in", type: "data", data: {} },
];

describe("copy and paste", () => {
  it("copies selected nodes and only the edges between them", () => {
    const clip = copySelection(nodes, edges)!;
    expect(clip.nodes.map((n) => n.id)).toEqual(["plan", "code"]);
    expect(clip.edges.map((e) => e.id)).toEqual(["plan-code"]);
  });

  it("pastes with new ids, the same relative positions and rewired references", () => {
    const clip = copySelection(nodes, edges)!;
    const pasted = pasteClipboard(clip, new Set(nodes.map((n) => n.id)), new Set(edges.map((e) => e.id)), { x: 40, y: 40 });
    expect(pasted.nodes.map((n) => n.id)).toEqual(["plan-2", "code-2"]);
    expect(pasted.nodes.map((n) => n.position)).toEqual([{ x: 40, y: 40 }, { x: 340, y: 90 }]);
    expect(pasted.nodes[1]?.data.prompt).toBe("{{nodes.plan-2.text}}");
    expect(pasted.edges[0]).toMatchObject({ source: "plan-2", target: "code-2", id: "plan-2-code-2" });
    expect(clip.nodes[1]?.data.prompt).toBe("{{nodes.plan.text}}");
  });
});
