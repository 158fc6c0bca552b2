import type { Edge, Node } from "@xyflow/react";
import type { FallbackTrigger, FlowDocument } from "@switchyard/core";

/** A canvas node: xyflow's `type` is the flow node type and `data` is the flow node's data, unchanged. */
export type EditorNode = Node<Record<string, unknown>, string>;

/** Settings of a fallback edge; empty for data edges. */
export type EditorEdgeData = { on?: FallbackTrigger[]; threshold?: number };

/** A canvas edge: xyflow's `type` is the flow edge `kind`. */
export type EditorEdge = Edge<EditorEdgeData, EdgeKind>;
export type EdgeKind = "data" | "fallback";

/** The flow-level part of a document: everything but nodes and edges. */
export type FlowMeta = Pick<FlowDocument, "name" | "description" | "inputs" | "settings">;

/** Handle ids on the canvas. Core leaves single ports unnamed; the canvas names them so xyflow never guesses. */
export const HANDLE = {
  in: "in",
  out: "out",
  fallback: "fallback",
} as const;

/** The editable document at one moment: what undo/redo restores. */
export interface EditorSnapshot {
  meta: FlowMeta;
  nodes: EditorNode[];
  edges: EditorEdge[];
}
