import { edgeId, type FlowDocument, type FlowEdge, type FlowNode } from "../flow/flow-schema";
import type { FlowView } from "../nodes/node-types";
import { UserPatterns } from "../util/user-pattern";

export interface GraphEdge {
  id: string;
  index: number;
  edge: FlowEdge;
}

/** Adjacency of a (possibly invalid) flow, for validators; edges to missing nodes are kept out. */
export class FlowGraph implements FlowView {
  readonly nodes = new Map<string, FlowNode>();
  readonly edges: GraphEdge[];
  private readonly out = new Map<string, GraphEdge[]>();
  private readonly in = new Map<string, GraphEdge[]>();

  constructor(
    nodes: readonly FlowNode[],
    edges: readonly FlowEdge[],
    readonly patterns: UserPatterns = new UserPatterns(),
  ) {
    for (const node of nodes) if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
    this.edges = edges.map((edge, index) => ({ id: edgeId(edge, index), index, edge }));
    for (const graphEdge of this.edges) {
      const { source, target } = graphEdge.edge;
      if (!this.nodes.has(source) || !this.nodes.has(target)) continue;
      push(this.out, source, graphEdge);
      push(this.in, target, graphEdge);
    }
  }

  static of(document: FlowDocument, patterns?: UserPatterns): FlowGraph {
    return new FlowGraph(document.nodes, document.edges, patterns);
  }

  outgoing(nodeId: string) {
    return (this.out.get(nodeId) ?? []).map(({ id, edge }) => ({ id, target: edge.target, kind: edge.kind, sourceHandle: edge.sourceHandle }));
  }

  incoming(nodeId: string) {
    return (this.in.get(nodeId) ?? []).map(({ id, edge }) => ({ id, source: edge.source, kind: edge.kind, sourceHandle: edge.sourceHandle }));
  }

  nodeType(nodeId: string): string | undefined {
    return this.nodes.get(nodeId)?.type;
  }

  nodeData(nodeId: string): Record<string, unknown> | undefined {
    return this.nodes.get(nodeId)?.data;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
