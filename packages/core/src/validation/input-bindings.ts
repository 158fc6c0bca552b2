import { problem, type ValidationProblem } from "./problems";

/** An input node as binding sees it: its id and the `data.name` it gives, if any. */
export interface InputNodeRef {
  id: string;
  name?: string;
}

export interface InputBindings {
  /** Input node id → the run input it reads. */
  names: Map<string, string>;
  problems: ValidationProblem[];
}

/**
 * Which run input each input node reads (DESIGN.md): its `data.name`; else the declared input named
 * like its id; else the flow's one declared input that no other input node binds. A flow that
 * declares no inputs at all lets each input node declare its own, named like its id. Validation
 * and execution both take the names from here, so a flow that validates runs.
 */
export function bindInputNodes(declared: readonly string[], nodes: readonly InputNodeRef[]): InputBindings {
  const names = new Map<string, string>();
  const declaredSet = new Set(declared);
  const unnamed: string[] = [];
  for (const node of nodes) {
    if (names.has(node.id)) continue; // a duplicate id is reported elsewhere
    if (node.name !== undefined) names.set(node.id, node.name);
    else if (declaredSet.has(node.id) || declared.length === 0) names.set(node.id, node.id);
    else unnamed.push(node.id);
  }
  const bound = new Set(names.values());
  const free = declared.filter((name) => !bound.has(name));
  if (unnamed.length === 1 && free.length === 1) {
    names.set(unnamed[0]!, free[0]!);
    return { names, problems: [] };
  }
  const problems = unnamed.map((id) => problem("unbound-input", unboundMessage(id, unnamed, free), { nodeId: id }));
  return { names, problems };
}

function unboundMessage(id: string, unnamed: readonly string[], free: readonly string[]): string {
  const start = `input node '${id}' has no data.name and the flow declares no input named '${id}'`;
  const list = (names: readonly string[]) => names.map((n) => `'${n}'`).join(", ");
  if (free.length === 0) return `${start}, and every declared input is read by another input node; set data.name`;
  if (free.length > 1) return `${start}; it could read any of ${list(free)}: set data.name to one of them`;
  const others = unnamed.filter((other) => other !== id);
  return `${start}; input nodes ${list(others)} would read ${list(free)} too: set data.name`;
}
