import { flowDocumentSchema, flowEdgeSchema, flowNodeSchema, type FlowDocument, type FlowEdge, type FlowNode } from "../flow/flow-schema";
import { migrateFlowDocument } from "../flow/flow-migrations";
import { nodeDefinition } from "../nodes/registry";
import type { NodeDefinition } from "../nodes/node-types";
import { problem, storableProblem, type ValidationProblem } from "./problems";
import { FlowGraph } from "./flow-graph";
import { checkEdges } from "./check-edges";
import { checkReferences } from "./check-references";
import { bindInputNodes } from "./input-bindings";
import { checkStorable } from "./check-storable";
import { findCycles, type Dependency } from "./find-cycles";
import { zodProblems } from "./zod-problems";
import { UserPatterns } from "../util/user-pattern";

export interface ValidateOptions {
  /** Checks a model id against the host's providers; returns a problem message or nothing. */
  checkModel?: (model: string) => { severity: "error" | "warning"; message: string } | undefined;
}

export interface ValidationResult {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  problems: ValidationProblem[];
  /** The parsed document, when it is structurally sound. */
  document?: FlowDocument;
  /** Each node's data as parsed by its type's schema (defaults applied). */
  nodeData: Map<string, unknown>;
  /** Template reference dependencies: node id → ids it references. */
  references: Map<string, string[]>;
  /** The patterns validation compiled, for execution to reuse. */
  patterns: UserPatterns;
}

/** Checks a flow document and reports every problem it finds, each pinned to its node or edge. */
export function validateFlow(raw: unknown, options: ValidateOptions = {}): ValidationResult {
  const nodeData = new Map<string, unknown>();
  const references = new Map<string, string[]>();
  const patterns = new UserPatterns();
  // Before any schema: zod and JSON.stringify recurse, and the database refuses some characters.
  const unstorable = checkStorable(raw);
  if (unstorable?.fatal) return { ok: false, problems: [unstorable.problem], nodeData, references, patterns };
  const migrated = migrateFlowDocument(raw);
  if (!migrated.ok) return { ok: false, problems: [problem("invalid-format", migrated.message)], nodeData, references, patterns };
  const input = migrated.document as Record<string, unknown>;

  const parsed = flowDocumentSchema.safeParse(input);
  const problems = parsed.success ? [] : zodProblems(parsed.error, input);
  if (unstorable) problems.unshift(unstorable.problem);
  // Keep checking the parts that parse, so one bad node doesn't hide the graph's other problems.
  const nodes = parsed.success ? parsed.data.nodes : parseEach(input.nodes, (n) => flowNodeSchema.safeParse(n));
  const edges = parsed.success ? parsed.data.edges : parseEach(input.edges, (e) => flowEdgeSchema.safeParse(e));
  const graph = new FlowGraph(nodes, edges, patterns);

  const definitions = new Map<string, NodeDefinition>();
  const seen = new Set<string>();
  for (const node of nodes) {
    const duplicate = seen.has(node.id);
    if (duplicate) problems.push(problem("duplicate-node-id", `node id '${node.id}' is used twice`, { nodeId: node.id }));
    seen.add(node.id);
    const definition = nodeDefinition(node.type);
    if (!definition) {
      problems.push(problem("unknown-node-type", `node '${node.id}' has unknown type '${node.type}'`, { nodeId: node.id }));
      continue;
    }
    if (!duplicate) definitions.set(node.id, definition);
    const data = definition.data.safeParse(node.data ?? {});
    if (!data.success) {
      const index = Array.isArray(input.nodes) ? input.nodes.findIndex((n) => (n as { id?: unknown } | null)?.id === node.id) : -1;
      problems.push(...zodProblems(data.error, input, ["nodes", index, "data"]));
      continue;
    }
    // Like the graph, keep the first node of a duplicated id, so the duplicate cannot mask the first one's problems.
    if (!duplicate) nodeData.set(node.id, data.data);
  }

  const definitionOf = (id: string) => definitions.get(id);
  problems.push(...checkEdges(graph, definitionOf, (id) => nodeData.get(id)));
  for (const [id, data] of nodeData) {
    const definition = definitions.get(id);
    if (definition?.validate) problems.push(...definition.validate(id, data as never, graph));
    for (const model of definition?.models?.(data as never) ?? []) {
      const issue = options.checkModel?.(model);
      if (issue) problems.push(problem("model-unavailable", `node '${id}': ${issue.message}`, { nodeId: id, severity: issue.severity }));
    }
  }
  // `?.`: the inputs have not been validated here, and `null` is valid JSON.
  const declared = Array.isArray(input.inputs) ? input.inputs.map((i) => (i as { name?: unknown } | null)?.name).filter((n): n is string => typeof n === "string") : [];
  const inputNodes = nodes.filter((n) => n.type === "input" && nodeData.has(n.id));
  const bindings = bindInputNodes(declared, inputNodes.map((n) => ({ id: n.id, name: (nodeData.get(n.id) as { name?: string }).name })));
  problems.push(...bindings.problems);
  // The binding becomes the node's data.name, which is what execution reads.
  for (const [id, name] of bindings.names) nodeData.set(id, { ...(nodeData.get(id) as object), name });
  const declaredInputs = new Set([...declared, ...bindings.names.values()]);
  problems.push(...checkReferences([...graph.nodes.values()], nodeData, definitions, declaredInputs, references));
  problems.push(...checkCycles(graph, references));
  problems.push(...checkOutputs(nodes, nodeData));

  const ok = !problems.some((p) => p.severity === "error");
  // Messages quote the document, which may hold characters the database refuses: repair them.
  return { ok, problems: problems.map(storableProblem), nodeData, references, patterns, ...(parsed.success ? { document: parsed.data } : {}) };
}

/** The name of an input or output node: `data.name` (for input nodes, as bound by `bindInputNodes`), else its id. */
export function inputName(node: FlowNode, data: unknown): string {
  const name = (data as { name?: string } | undefined)?.name;
  return name ?? node.id;
}

function parseEach<T extends FlowNode | FlowEdge>(list: unknown, parse: (item: unknown) => { success: boolean; data?: T }): T[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const result = parse(item);
    return result.success && result.data ? [result.data] : [];
  });
}

function checkCycles(graph: FlowGraph, references: Map<string, string[]>): ValidationProblem[] {
  const dependencies: Dependency[] = [];
  for (const { edge } of graph.edges) {
    if (graph.nodes.has(edge.source) && graph.nodes.has(edge.target) && edge.source !== edge.target) {
      dependencies.push({ from: edge.source, to: edge.target, fallback: edge.kind === "fallback" });
    }
  }
  for (const [id, refs] of references) for (const ref of refs) if (graph.nodes.has(ref)) dependencies.push({ from: ref, to: id, fallback: false });
  return findCycles([...graph.nodes.keys()], dependencies).map(({ path, fallbackOnly }) =>
    fallbackOnly
      ? problem("fallback-loop", `fallback chain loops: ${path.join(" → ")}`, { nodeId: path[0] })
      : problem("cycle", `cycle: ${path.join(" → ")} (a flow must be acyclic)`, { nodeId: path[0] }),
  );
}

function checkOutputs(nodes: readonly FlowNode[], nodeData: Map<string, unknown>): ValidationProblem[] {
  const outputs = nodes.filter((n) => n.type === "output");
  if (outputs.length === 0) return [problem("no-output", "the flow has no output node, so a run would produce nothing")];
  const names = new Map<string, string>();
  const problems: ValidationProblem[] = [];
  for (const node of outputs) {
    const name = inputName(node, nodeData.get(node.id));
    const other = names.get(name);
    if (other) problems.push(problem("duplicate-output", `outputs '${other}' and '${node.id}' are both named '${name}'`, { nodeId: node.id }));
    names.set(name, node.id);
  }
  return problems;
}
