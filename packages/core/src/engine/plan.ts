import { compileTemplate, type CompiledTemplate } from "../flow/template";
import type { FallbackTrigger, FlowDocument, FlowInput } from "../flow/flow-schema";
import { nodeDefinition } from "../nodes/registry";
import type { NodeDefinition } from "../nodes/node-types";
import { FlowGraph } from "../validation/flow-graph";
import { inputName, validateFlow, type ValidateOptions } from "../validation/validate-flow";
import type { ValidationProblem } from "../validation/problems";
import type { UserPatterns } from "../util/user-pattern";

export interface PlanEdge {
  id: string;
  source: number;
  target: number;
  /** Source port (gate/router), if any. */
  handle?: string;
  kind: "data" | "fallback";
  on: ReadonlySet<FallbackTrigger>;
  threshold?: number;
}

export interface PlanNode {
  index: number;
  id: string;
  type: string;
  definition: NodeDefinition;
  data: unknown;
  incomingData: PlanEdge[];
  incomingFallback: PlanEdge[];
  outgoingData: PlanEdge[];
  outgoingFallback: PlanEdge[];
  /** Nodes to notify when this one settles (edge targets and template dependents). */
  dependents: number[];
  /** How many nodes must settle before this one can be decided. */
  dependencyCount: number;
}

/** A validated flow, indexed for execution: compile once, run many times. */
export interface CompiledFlow {
  document: FlowDocument;
  nodes: PlanNode[];
  byId: ReadonlyMap<string, PlanNode>;
  /** Declared inputs: the flow's `inputs` plus any input node not listed there (as strings). */
  inputs: FlowInput[];
  outputs: { node: PlanNode; name: string }[];
  templates: Map<string, CompiledTemplate>;
  /** The flow's regular expressions, compiled (by validation) once for all its runs. */
  patterns: UserPatterns;
  warnings: ValidationProblem[];
}

export type PrepareResult = { ok: true; flow: CompiledFlow } | { ok: false; problems: ValidationProblem[] };

/** Validates a raw flow document and compiles it for the executor. */
export function prepareFlow(raw: unknown, options: ValidateOptions = {}): PrepareResult {
  const result = validateFlow(raw, options);
  if (!result.ok || !result.document) return { ok: false, problems: result.problems };
  const document = result.document;
  const graph = FlowGraph.of(document, result.patterns);
  const nodes: PlanNode[] = document.nodes.map((node, index) => ({
    index,
    id: node.id,
    type: node.type,
    definition: nodeDefinition(node.type)!,
    data: result.nodeData.get(node.id),
    incomingData: [],
    incomingFallback: [],
    outgoingData: [],
    outgoingFallback: [],
    dependents: [],
    dependencyCount: 0,
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const dependencies = nodes.map(() => new Set<number>());
  for (const { id, edge } of graph.edges) {
    const source = byId.get(edge.source)!;
    const target = byId.get(edge.target)!;
    const planEdge: PlanEdge = {
      id,
      source: source.index,
      target: target.index,
      kind: edge.kind,
      on: new Set(edge.kind === "fallback" ? (edge.on ?? ["error", "timeout"]) : []),
      // "out" names the single port of a plain node, but on a router it is a route like any other.
      ...(edge.sourceHandle !== undefined && (edge.sourceHandle !== "out" || source.definition.outputPorts) ? { handle: edge.sourceHandle } : {}),
      ...(edge.threshold !== undefined ? { threshold: edge.threshold } : {}),
    };
    (edge.kind === "data" ? target.incomingData : target.incomingFallback).push(planEdge);
    (edge.kind === "data" ? source.outgoingData : source.outgoingFallback).push(planEdge);
    dependencies[target.index]!.add(source.index);
  }
  for (const [id, refs] of result.references) {
    for (const ref of refs) dependencies[byId.get(id)!.index]!.add(byId.get(ref)!.index);
  }
  dependencies.forEach((deps, index) => {
    nodes[index]!.dependencyCount = deps.size;
    for (const dep of deps) nodes[dep]!.dependents.push(index);
  });

  const declared = new Set(document.inputs.map((i) => i.name));
  const inputs = [...document.inputs];
  for (const node of nodes) {
    if (node.type !== "input") continue;
    const name = inputName(document.nodes[node.index]!, node.data);
    if (!declared.has(name)) inputs.push({ name, type: "string" });
    declared.add(name);
  }
  const outputs = nodes.filter((n) => n.type === "output").map((node) => ({ node, name: inputName(document.nodes[node.index]!, node.data) }));
  const templates = new Map<string, CompiledTemplate>();
  for (const node of nodes) for (const t of node.definition.templates?.(node.data as never) ?? []) templates.set(t, compileTemplate(t));
  const warnings = result.problems.filter((p) => p.severity === "warning");
  return { ok: true, flow: { document, nodes, byId, inputs, outputs, templates, patterns: result.patterns, warnings } };
}
