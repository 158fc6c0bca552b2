import { FLOW_FORMAT, type FlowDocument, type FlowEdge, type FlowNode } from "@switchyard/core";
import { HANDLE, type EditorEdge, type EditorNode, type EditorSnapshot, type FlowMeta } from "./editor-types";
import { uniqueId } from "./node-ids";

export interface ImportedFlow extends EditorSnapshot {
  /** Nodes the document gave no position; the editor lays them out. */
  unpositioned: string[];
}

/** Turns a parsed flow document into canvas nodes and edges. Pure: layout happens elsewhere. */
export function fromFlowDocument(doc: FlowDocument): ImportedFlow {
  const unpositioned: string[] = [];
  const nodes = doc.nodes.map((node): EditorNode => {
    if (!node.position) unpositioned.push(node.id);
    return { id: node.id, type: node.type, position: node.position ?? { x: 0, y: 0 }, data: { ...(node.data ?? {}) } };
  });
  const taken = new Set<string>(doc.edges.flatMap((e) => (e.id ? [e.id] : [])));
  const edges = doc.edges.map((edge) => toEditorEdge(edge, edge.id ?? uniqueId(edgeIdBase(edge), taken)));
  return { meta: metaOf(doc), nodes, edges, unpositioned };
}

/** The canvas as a flow document; handles the canvas invented are left out again. */
export function toFlowDocument({ meta, nodes, edges }: EditorSnapshot): FlowDocument {
  return {
    format: FLOW_FORMAT,
    name: meta.name,
    ...(meta.description ? { description: meta.description } : {}),
    inputs: meta.inputs,
    nodes: nodes.map(toFlowNode),
    edges: edges.map(toFlowEdge),
    ...(meta.settings && Object.keys(meta.settings).length > 0 ? { settings: meta.settings } : {}),
  };
}

/** A readable id for a new edge, e.g. `gate-pass-out`; ids must not contain dots (see core's idSchema). */
export function edgeIdBase(edge: Pick<FlowEdge, "source" | "sourceHandle" | "target" | "kind">): string {
  const named = edge.sourceHandle && edge.sourceHandle !== HANDLE.out && edge.kind === "data";
  const handle = named ? `-${edge.sourceHandle}` : "";
  const raw = `${edge.kind === "fallback" ? "fb-" : ""}${edge.source}${handle}-${edge.target}`;
  const safe = raw.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 60);
  return /^[A-Za-z]/.test(safe) ? safe : `e-${safe}`;
}

function metaOf(doc: FlowDocument): FlowMeta {
  return {
    name: doc.name,
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    inputs: doc.inputs,
    ...(doc.settings ? { settings: doc.settings } : {}),
  };
}

function toEditorEdge(edge: FlowEdge, id: string): EditorEdge {
  const fallback = edge.kind === "fallback";
  return {
    id,
    source: edge.source,
    target: edge.target,
    type: edge.kind,
    sourceHandle: fallback ? HANDLE.fallback : (edge.sourceHandle ?? HANDLE.out),
    targetHandle: edge.targetHandle ?? HANDLE.in,
    data: fallback ? { on: edge.on ?? ["error", "timeout"], ...(edge.threshold !== undefined ? { threshold: edge.threshold } : {}) } : {},
  };
}

function toFlowNode(node: EditorNode): FlowNode {
  const hasData = Object.keys(node.data).length > 0;
  return {
    id: node.id,
    type: node.type ?? "unknown",
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    ...(hasData ? { data: node.data } : {}),
  };
}

function toFlowEdge(edge: EditorEdge): FlowEdge {
  const kind = edge.type ?? "data";
  const sourceHandle = kind === "data" && edge.sourceHandle && edge.sourceHandle !== HANDLE.out ? edge.sourceHandle : undefined;
  const targetHandle = edge.targetHandle && edge.targetHandle !== HANDLE.in ? edge.targetHandle : undefined;
  return {
    id: edge.id,
    source: edge.source,
    ...(sourceHandle ? { sourceHandle } : {}),
    target: edge.target,
    ...(targetHandle ? { targetHandle } : {}),
    kind,
    ...(kind === "fallback" ? { on: edge.data?.on ?? ["error", "timeout"] } : {}),
    ...(kind === "fallback" && edge.data?.threshold !== undefined ? { threshold: edge.data.threshold } : {}),
  };
}
