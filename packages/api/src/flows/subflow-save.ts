import { problem, type FlowDocument, type ValidationProblem } from "@switchyard/core";
import type { Db } from "@switchyard/db";
import { runnableSubflow, subflowRefs, type RunStarter } from "./subflow-access";

/**
 * Subflow nodes that name a flow `starter` could not run: one that is missing, hidden from them,
 * or of another workspace — all said alike, so ids leak nothing. A saved draft carries these as
 * its problems (work in progress may name a flow not made yet); starting a run refuses them.
 */
export async function subflowProblems(db: Db, starter: RunStarter, document: FlowDocument): Promise<ValidationProblem[]> {
  const problems: ValidationProblem[] = [];
  for (const { nodeId, flow } of subflowRefs(document)) {
    if (await runnableSubflow(db, starter, flow)) continue;
    problems.push(problem("subflow-unreadable", `Subflow node '${nodeId}' names flow '${flow}', which does not exist in this workspace or you cannot read.`, { nodeId }));
  }
  return problems;
}
