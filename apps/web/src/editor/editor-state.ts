import type { StateCreator } from "zustand";
import type { Connection, OnEdgesChange, OnNodesChange } from "@xyflow/react";
import type { FlowDocument, ValidationProblem } from "@switchyard/core";
import type { EditorEdge, EditorEdgeData, EditorNode, EditorSnapshot, EdgeKind, FlowMeta } from "./editor-types";
import type { History } from "./history";
import type { ClipboardContent } from "./clipboard";
import type { ProblemIndex } from "./problems";

export interface GraphSlice {
  meta: FlowMeta;
  nodes: EditorNode[];
  edges: EditorEdge[];
  onNodesChange: OnNodesChange<EditorNode>;
  onEdgesChange: OnEdgesChange<EditorEdge>;
  onConnect: (connection: Connection) => void;
  /** Adds a node of `type` with the catalog's defaults and selects it; returns its id. */
  addNode: (type: string, position: { x: number; y: number }) => string;
  /** Replaces a node's data. `key` names the edited field so a burst of typing is one undo step. */
  updateNodeData: (id: string, data: Record<string, unknown>, key?: string) => void;
  /** Renames a node and everything that refers to it; returns an error message when `next` is not usable. */
  renameNode: (id: string, next: string) => string | undefined;
  updateEdge: (id: string, patch: { kind?: EdgeKind; data?: EditorEdgeData }) => void;
  setMeta: (patch: Partial<FlowMeta>, key?: string) => void;
  deleteSelection: () => void;
  selectAll: () => void;
  select: (ids: { nodes?: string[]; edges?: string[] }) => void;
}

export interface HistorySlice {
  history: History<EditorSnapshot>;
  /** Saves the current state as an undo step before a change (see history.ts for `key`). */
  commit: (key?: string) => void;
  undo: () => void;
  redo: () => void;
}

export interface ClipboardSlice {
  clipboard: ClipboardContent | undefined;
  pasteCount: number;
  copy: () => void;
  paste: () => void;
}

export interface DocumentSlice {
  /** True while a freshly loaded document waits for its first layout (the canvas hides until then). */
  pendingLayout: boolean;
  /** Bumped whenever the canvas should fit the view (after load or auto-layout). */
  fitViewRequest: number;
  loadDocument: (doc: FlowDocument) => Promise<void>;
  autoLayout: () => Promise<void>;
  toDocument: () => FlowDocument;
}

export interface ValidationSlice {
  problems: ProblemIndex;
  setProblems: (problems: ValidationProblem[]) => void;
}

export type EditorState = GraphSlice & HistorySlice & ClipboardSlice & DocumentSlice & ValidationSlice;

/** A slice creator over the whole editor state (zustand slices pattern). */
export type EditorSlice<T> = StateCreator<EditorState, [], [], T>;

export function snapshotOf(state: EditorState): EditorSnapshot {
  return { meta: state.meta, nodes: state.nodes, edges: state.edges };
}
