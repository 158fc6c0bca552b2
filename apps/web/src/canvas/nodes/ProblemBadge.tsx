import type { ValidationProblem } from "@switchyard/core";
import { worstSeverity } from "../../editor/problems";

/** A count of a node's problems; the full messages are in its title and in the inspector. */
export function ProblemBadge({ problems }: { problems: ValidationProblem[] | undefined }) {
  const severity = worstSeverity(problems);
  if (!severity || !problems) return null;
  const label = `${problems.length} ${problems.length === 1 ? "problem" : "problems"}`;
  return (
    <span className={`sy-problem-badge sy-problem-badge--${severity}`} role="img" aria-label={label} title={problems.map((p) => p.message).join("\n")}>
      {severity === "error" ? "!" : "?"}
      {problems.length > 1 ? problems.length : ""}
    </span>
  );
}
