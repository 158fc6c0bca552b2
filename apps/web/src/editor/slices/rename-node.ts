import { renameReferences } from "../node-ids";
import type { EditorEdge, EditorNode } from "../editor-types";
import { isRecord } from "../../util/records";

/** A node renamed everywhere: its edges, `{{nodes.<id>…}}` references and vote weights keyed by it. */
export function renameNodeIn(state: { nodes: EditorNode[]; edges: EditorEdge[] }, id: string, next: string) {
  const renames = new Map([[id, next]]);
  const nodes = state.nodes.map((n) => {
    const data = renameReferences(n.data, renames);
    const weights = data.weights;
    if (isRecord(weights) && Object.hasOwn(weights, id)) {
      const { [id]: weight, ...rest } = weights;
      data.weights = { ...rest, [next]: weight };
    }
    return { ...n, id: n.id === id ? next : n.id, data };
  });
  const edges = state.edges.map((e) =>
    e.source === id || e.target === id ? { ...e, source: e.source === id ? next : e.source, target: e.target === id ? next : e.target } : e,
  );
  return { nodes, edges };
}
