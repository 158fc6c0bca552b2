import type { ElkExtendedEdge, ElkNode, ElkPort } from "elkjs/lib/elk-api";
import { namedOutputPorts } from "../catalog/node-catalog";
import { HANDLE, type EditorEdge, type EditorNode } from "./editor-types";
import { fallbackStacks, type FallbackStacks } from "./fallback-stacks";

type XY = { x: number; y: number };

/** Room left under every node for the badges and streamed text a run adds, so a run never makes nodes overlap. */
export const RUN_RESERVE = 96;
/** Vertical gap between a node and the fallback stacked under it. */
const STACK_GAP = 32;
/** Fallbacks sit slightly to the right of the node they replace, so the fallback edge reads as a step down. */
const STACK_INDENT = 24;

const LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.layered.spacing.nodeNodeBetweenLayers": "56",
  "elk.spacing.nodeNode": "28",
  "elk.spacing.edgeNode": "20",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
};

/**
 * Layered left→right layout (ELK). A fallback chain is stacked under the node it replaces instead of
 * taking a column per link, which keeps flows short enough to read at 1280 px.
 */
export async function layoutNodes(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): Promise<Map<string, XY>> {
  // Loaded on first use: elkjs is large and most sessions never lay out.
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const stacks = fallbackStacks(nodes, edges);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const graph: ElkNode = {
    id: "root",
    layoutOptions: LAYOUT_OPTIONS,
    children: [...stacks.members.values()].map((members) => toElkNode(members.map((id) => byId.get(id)).filter((n): n is EditorNode => n !== undefined))),
    edges: edges.flatMap((edge) => toElkEdge(edge, stacks)),
  };
  const laidOut = await new ELK().layout(graph);
  const positions = new Map<string, XY>();
  for (const child of laidOut.children ?? []) {
    let y = child.y ?? 0;
    (stacks.members.get(child.id) ?? [child.id]).forEach((id, index) => {
      positions.set(id, { x: (child.x ?? 0) + (index > 0 ? STACK_INDENT : 0), y });
      y += heightOf(byId.get(id)) + RUN_RESERVE + STACK_GAP;
    });
  }
  return positions;
}

/** A stack (a node and its fallbacks) as one ELK node; its ports are the first node's. */
function toElkNode(stack: EditorNode[]): ElkNode {
  const [first] = stack;
  if (!first) return { id: "empty" };
  const width = Math.max(...stack.map((n, i) => widthOf(n) + (i > 0 ? STACK_INDENT : 0)));
  const height = stack.reduce((sum, n) => sum + heightOf(n) + RUN_RESERVE, 0) + STACK_GAP * (stack.length - 1);
  const outs = namedOutputPorts(first.type ?? "", first.data);
  const ports: ElkPort[] = [
    port(first.id, HANDLE.in, "WEST", 0),
    ...(outs.length ? outs : [HANDLE.out]).map((name, i) => port(first.id, name, "EAST", i)),
    port(first.id, MEMBER_OUT, "EAST", Math.max(1, outs.length)),
  ];
  return { id: first.id, width, height, ports, layoutOptions: { "elk.portConstraints": "FIXED_ORDER" } };
}

/** The port that data leaving a stacked fallback uses (it has no port of its own in the layout). */
const MEMBER_OUT = "stack-out";

function toElkEdge(edge: EditorEdge, stacks: FallbackStacks): ElkExtendedEdge[] {
  const source = stacks.rootOf.get(edge.source);
  const target = stacks.rootOf.get(edge.target);
  if (!source || !target || source === target) return [];
  const sourceHandle = source === edge.source ? (edge.sourceHandle ?? HANDLE.out) : MEMBER_OUT;
  // A fallback edge leaving a stack's head points at another stack: route it like data out of the head.
  const handle = sourceHandle === HANDLE.fallback ? MEMBER_OUT : sourceHandle;
  return [{ id: edge.id, sources: [portId(source, handle)], targets: [portId(target, HANDLE.in)] }];
}

function port(nodeId: string, handle: string, side: string, index: number): ElkPort {
  return { id: portId(nodeId, handle), width: 1, height: 1, layoutOptions: { "elk.port.side": side, "elk.port.index": String(index) } };
}

function portId(nodeId: string, handle: string): string {
  return `${nodeId}::${handle}`;
}

/** Widths match nodes.css; used before React has measured a node. */
const COMPACT_TYPES = new Set(["input", "output", "constant"]);
function widthOf(node: EditorNode | undefined): number {
  return node?.measured?.width ?? (COMPACT_TYPES.has(node?.type ?? "") ? 168 : 208);
}

function heightOf(node: EditorNode | undefined): number {
  if (node?.measured?.height) return node.measured.height;
  const ports = namedOutputPorts(node?.type ?? "", node?.data ?? {}).length;
  return (COMPACT_TYPES.has(node?.type ?? "") ? 52 : 76) + ports * 19;
}
