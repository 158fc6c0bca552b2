import type { NodeDefinition } from "../nodes/node-types";
import { problem, type ValidationProblem } from "./problems";
import type { FlowGraph } from "./flow-graph";

/** Edge-level rules: both ends exist, handles are real ports, fallback edges make sense. */
export function checkEdges(graph: FlowGraph, definitionOf: (nodeId: string) => NodeDefinition | undefined, dataOf: (nodeId: string) => unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const ids = new Set<string>();
  const signatures = new Set<string>();
  for (const { id, edge } of graph.edges) {
    const at = { edgeId: id };
    if (ids.has(id)) problems.push(problem("duplicate-edge-id", `edge id '${id}' is used twice`, at));
    ids.add(id);
    const missing = [edge.source, edge.target].filter((n) => !graph.nodes.has(n));
    if (missing.length > 0) {
      problems.push(problem("dangling-edge", `edge '${id}' connects to ${missing.map((n) => `'${n}'`).join(" and ")}, which does not exist`, at));
      continue;
    }
    if (edge.source === edge.target) problems.push(problem("self-loop", `edge '${id}' connects '${edge.source}' to itself`, at));
    const signature = `${edge.source}.${edge.sourceHandle ?? ""}>${edge.target}:${edge.kind}`;
    if (signatures.has(signature)) problems.push(problem("duplicate-edge", `edge '${id}' duplicates another edge from '${edge.source}' to '${edge.target}'`, at));
    signatures.add(signature);

    const source = definitionOf(edge.source);
    const target = definitionOf(edge.target);
    if (!source || !target) continue;
    if (edge.kind === "fallback") {
      problems.push(...checkFallback(id, edge.source, source, edge));
      continue;
    }
    if (edge.on !== undefined || edge.threshold !== undefined) {
      problems.push(problem("data-edge-trigger", `edge '${id}' is a data edge; only fallback edges take "on" and "threshold"`, at));
    }
    if (target.inputs === "none") problems.push(problem("input-not-accepted", `'${edge.target}' (${target.type}) takes no incoming edges`, at));
    const data = dataOf(edge.source);
    const ports = source.outputPorts && data !== undefined ? source.outputPorts(data as never) : undefined;
    if (ports) {
      if (edge.sourceHandle === undefined) problems.push(problem("missing-port", `edge '${id}' leaves ${source.type} '${edge.source}' without naming a port (${ports.join(", ")})`, at));
      else if (!ports.includes(edge.sourceHandle)) problems.push(problem("unknown-port", `${source.type} '${edge.source}' has no port '${edge.sourceHandle}' (ports: ${ports.join(", ")})`, at));
    } else if (edge.sourceHandle !== undefined && edge.sourceHandle !== "out" && !source.outputPorts) {
      problems.push(problem("unknown-port", `${source.type} '${edge.source}' has a single output; port '${edge.sourceHandle}' does not exist`, at));
    }
  }
  for (const [nodeId] of graph.nodes) {
    const definition = definitionOf(nodeId);
    const dataInputs = graph.incoming(nodeId).filter((e) => e.kind === "data").length;
    if (definition?.inputs === "one" && dataInputs > 1) {
      problems.push(problem("too-many-inputs", `${definition.type} '${nodeId}' takes one input but has ${dataInputs}`, { nodeId }));
    }
    if (definition?.inputs === "one" && dataInputs === 0) {
      problems.push(problem("missing-input", `${definition.type} '${nodeId}' has no input`, { nodeId }));
    }
  }
  return problems;
}

function checkFallback(id: string, sourceId: string, source: NodeDefinition, edge: { sourceHandle?: string; on?: string[]; threshold?: number }): ValidationProblem[] {
  const at = { edgeId: id };
  const problems: ValidationProblem[] = [];
  if (!source.canFail) problems.push(problem("fallback-never-fires", `fallback edge '${id}': ${source.type} '${sourceId}' cannot fail, so it would never be taken`, at));
  if (edge.sourceHandle !== undefined) problems.push(problem("fallback-port", `fallback edge '${id}' must leave '${sourceId}' itself, not its port '${edge.sourceHandle}'`, at));
  const lowConfidence = edge.on?.includes("low_confidence") ?? false;
  if (lowConfidence && edge.threshold === undefined) problems.push(problem("missing-threshold", `fallback edge '${id}' triggers on low_confidence but sets no threshold`, at));
  if (!lowConfidence && edge.threshold !== undefined) problems.push(problem("unused-threshold", `fallback edge '${id}' sets a threshold but does not trigger on low_confidence`, { ...at, severity: "warning" }));
  return problems;
}
