import { renameReferences, uniqueId } from "./node-ids";
import { edgeIdBase } from "./flow-mapping";
import type { EditorEdge, EditorNode } from "./editor-types";

/** What Copy keeps: the selected nodes and the edges between them. */
export interface ClipboardContent {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

export function copySelection(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): ClipboardContent | undefined {
  const picked = nodes.filter((n) => n.selected);
  if (picked.length === 0) return undefined;
  const ids = new Set(picked.map((n) => n.id));
  return {
    nodes: picked.map((n) => ({ id: n.id, type: n.type, position: { ...n.position }, data: structuredClone(n.data) })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e, selected: false })),
  };
}

/**
 * Copies of the clipboard's nodes with fresh ids, moved by `offset` (relative positions kept) and
 * selected; references between pasted nodes follow the renames so a pasted pipeline still works.
 */
export function pasteClipboard(
  clip: ClipboardContent,
  takenNodeIds: Set<string>,
  takenEdgeIds: Set<string>,
  offset: { x: number; y: number },
): ClipboardContent {
  const renames = new Map(clip.nodes.map((n) => [n.id, uniqueId(n.id, takenNodeIds)]));
  const nodes = clip.nodes.map((n) => ({
    ...n,
    id: renames.get(n.id) ?? n.id,
    position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    data: renameReferences(structuredClone(n.data), renames),
    selected: true,
  }));
  const edges = clip.edges.map((e) => {
    const source = renames.get(e.source) ?? e.source;
    const target = renames.get(e.target) ?? e.target;
    const base = edgeIdBase({ source, target, kind: e.type ?? "data", sourceHandle: e.sourceHandle ?? undefined });
    return { ...e, id: uniqueId(base, takenEdgeIds), source, target, selected: false };
  });
  return { nodes, edges };
}
