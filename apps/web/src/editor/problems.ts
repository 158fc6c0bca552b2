import type { ValidationProblem } from "@switchyard/core";

/** Validation problems grouped by where they are shown. */
export interface ProblemIndex {
  all: ValidationProblem[];
  byNode: Record<string, ValidationProblem[]>;
  byEdge: Record<string, ValidationProblem[]>;
  /** Problems of the flow as a whole (no node or edge). */
  flow: ValidationProblem[];
  errors: number;
  warnings: number;
}

export const NO_PROBLEMS: ProblemIndex = { all: [], byNode: {}, byEdge: {}, flow: [], errors: 0, warnings: 0 };

export function indexProblems(problems: readonly ValidationProblem[]): ProblemIndex {
  const byNode: Record<string, ValidationProblem[]> = {};
  const byEdge: Record<string, ValidationProblem[]> = {};
  const flow: ValidationProblem[] = [];
  for (const p of problems) {
    if (p.nodeId !== undefined) (byNode[p.nodeId] ??= []).push(p);
    else if (p.edgeId !== undefined) (byEdge[p.edgeId] ??= []).push(p);
    else flow.push(p);
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  return { all: [...problems], byNode, byEdge, flow, errors, warnings: problems.length - errors };
}

/** The worst severity in a list, for badges. */
export function worstSeverity(problems: readonly ValidationProblem[] | undefined): "error" | "warning" | undefined {
  if (!problems?.length) return undefined;
  return problems.some((p) => p.severity === "error") ? "error" : "warning";
}

/**
 * The field inside a node's data a problem points at (`retry.maxAttempts`), from its document path
 * `nodes.<i>.data.<field…>`; undefined when it concerns the node as a whole.
 */
export function dataFieldOf(problem: ValidationProblem): string | undefined {
  const match = /^nodes\.\d+\.data\.(.+)$/.exec(problem.path ?? "");
  return match?.[1];
}

/** A problem's message without the "node 'x': data.field:" prefix, for display next to that field. */
export function shortMessage(problem: ValidationProblem): string {
  const field = dataFieldOf(problem);
  if (!field) return problem.message;
  for (const prefix of [`: data.${field}: `, `: ${field}: `]) {
    const at = problem.message.indexOf(prefix);
    if (at >= 0) return problem.message.slice(at + prefix.length);
  }
  return problem.message;
}
