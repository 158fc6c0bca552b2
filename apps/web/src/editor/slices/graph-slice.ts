import { addEdge, applyEdgeChanges, applyNodeChanges, type NodeChange } from "@xyflow/react";
import { idSchema } from "@switchyard/core";
import { defaultDataOf } from "../../catalog/node-catalog";
import { edgeIdBase } from "../flow-mapping";
import { kebab, uniqueId } from "../node-ids";
import { HANDLE, type EditorEdge, type EditorNode } from "../editor-types";
import type { EditorSlice, GraphSlice } from "../editor-state";
import { renameNodeIn } from "./rename-node";

export const EMPTY_META = { name: "Untitled flow", inputs: [{ name: "question", type: "string" as const }] };

export const createGraphSlice: EditorSlice<GraphSlice> = (set, get) => ({
  meta: EMPTY_META,
  nodes: [],
  edges: [],

  onNodesChange: (changes) => {
    const commitKey = nodeChangeKey(changes);
    if (commitKey) get().commit(commitKey);
    set({ nodes: applyNodeChanges(changes, get().nodes) });
  },

  onEdgesChange: (changes) => {
    if (changes.some((c) => c.type === "remove")) get().commit(DELETE_KEY);
    set({ edges: applyEdgeChanges(changes, get().edges) });
  },

  onConnect: (connection) => {
    const kind = connection.sourceHandle === HANDLE.fallback ? "fallback" : "data";
    const id = uniqueId(
      edgeIdBase({ source: connection.source, target: connection.target, kind, sourceHandle: connection.sourceHandle ?? undefined }),
      new Set(get().edges.map((e) => e.id)),
    );
    const edge: EditorEdge = {
      ...connection,
      id,
      type: kind,
      targetHandle: connection.targetHandle ?? HANDLE.in,
      data: kind === "fallback" ? { on: ["error", "timeout"] } : {},
    };
    get().commit();
    set({ edges: addEdge(edge, get().edges) });
  },

  addNode: (type, position) => {
    const id = uniqueId(kebab(type), new Set(get().nodes.map((n) => n.id)));
    const node: EditorNode = { id, type, position, data: defaultDataOf(type), selected: true };
    get().commit();
    set({ nodes: [...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node], edges: deselect(get().edges) });
    return id;
  },

  updateNodeData: (id, data, key) => {
    get().commit(key ?? `data:${id}`);
    set({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data } : n)) });
  },

  renameNode: (id, next) => {
    if (next === id) return undefined;
    const valid = idSchema.safeParse(next);
    if (!valid.success) return valid.error.issues[0]?.message ?? "invalid id";
    if (get().nodes.some((n) => n.id === next)) return `'${next}' is already used`;
    get().commit();
    set(renameNodeIn(get(), id, next));
    return undefined;
  },

  updateEdge: (id, patch) => {
    get().commit(`edge:${id}`);
    set({
      edges: get().edges.map((e) => {
        if (e.id !== id) return e;
        const kind = patch.kind ?? e.type ?? "data";
        const sourceHandle = kind === "fallback" ? HANDLE.fallback : e.sourceHandle === HANDLE.fallback ? HANDLE.out : e.sourceHandle;
        // `patch.data` replaces the edge's settings, so a cleared threshold really goes away.
        const data = kind === "fallback" ? { on: ["error" as const, "timeout" as const], ...(patch.data ?? e.data) } : {};
        return { ...e, type: kind, sourceHandle, data };
      }),
    });
  },

  setMeta: (patch, key) => {
    get().commit(key ?? "meta");
    set({ meta: { ...get().meta, ...patch } });
  },

  deleteSelection: () => {
    const removed = new Set(get().nodes.filter((n) => n.selected).map((n) => n.id));
    const edges = get().edges.filter((e) => !e.selected && !removed.has(e.source) && !removed.has(e.target));
    if (removed.size === 0 && edges.length === get().edges.length) return;
    get().commit();
    set({ nodes: get().nodes.filter((n) => !removed.has(n.id)), edges });
  },

  selectAll: () =>
    set({ nodes: get().nodes.map((n) => ({ ...n, selected: true })), edges: get().edges.map((e) => ({ ...e, selected: true })) }),

  select: ({ nodes = [], edges = [] }) => {
    const n = new Set(nodes);
    const e = new Set(edges);
    set({
      nodes: get().nodes.map((node) => (Boolean(node.selected) === n.has(node.id) ? node : { ...node, selected: n.has(node.id) })),
      edges: get().edges.map((edge) => (Boolean(edge.selected) === e.has(edge.id) ? edge : { ...edge, selected: e.has(edge.id) })),
    });
  },
});

/** Node and edge removals arrive as two change batches; one key makes them a single undo step. */
const DELETE_KEY = "delete";

/** Which node changes are undoable: removals and drags (a whole drag is one step). Selection and measuring are not. */
function nodeChangeKey(changes: NodeChange<EditorNode>[]): string | undefined {
  if (changes.some((c) => c.type === "remove")) return DELETE_KEY;
  const moved = changes.flatMap((c) => (c.type === "position" && c.dragging ? [c.id] : []));
  return moved.length ? `move:${moved.sort().join(",")}` : undefined;
}

function deselect(edges: EditorEdge[]): EditorEdge[] {
  return edges.map((e) => (e.selected ? { ...e, selected: false } : e));
}
