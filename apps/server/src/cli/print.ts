import type { RunEvent, RunResult, ValidationProblem } from "@switchyard/core";
import { stringifyValue } from "@switchyard/core";

export function formatProblem(p: ValidationProblem): string {
  const where = p.nodeId ? ` [node ${p.nodeId}]` : p.edgeId ? ` [edge ${p.edgeId}]` : "";
  return `${p.severity === "error" ? "error  " : "warning"} ${p.message}${where}`;
}

/** The outputs of a finished run, for people: the value alone when there is one output. */
export function formatOutputs(outputs: Record<string, unknown>): string {
  const entries = Object.entries(outputs);
  if (entries.length === 1) return stringifyValue(entries[0]![1]);
  return entries.map(([name, value]) => `${name}: ${stringifyValue(value)}`).join("\n");
}

export function formatSummary(result: RunResult, seed: number, simulated: boolean): string {
  const mark = result.status === "completed" ? "✓" : "✗";
  const parts = [
    `${mark} ${result.status} in ${result.latencyMs} ms`,
    `$${result.costUsd.toFixed(6)}`,
    `${result.tokens.input} in / ${result.tokens.output} out tokens`,
    `seed ${seed}`,
  ];
  if (simulated) parts.push("simulated models");
  const error = result.error ? `\n  ${result.error.message}` : "";
  return parts.join(" · ") + error;
}

/** One short line of progress per notable event, for a terminal. */
export function formatProgress(event: RunEvent): string | undefined {
  switch (event.type) {
    case "node.completed":
      return `  ✓ ${event.nodeId}${event.model ? ` (${event.model}${event.simulated ? ", simulated" : ""})` : ""} ${event.latencyMs} ms $${event.costUsd.toFixed(6)}`;
    case "node.failed":
      return `  ✗ ${event.nodeId}: ${event.error.message}`;
    case "node.retry":
      return `  ↻ ${event.nodeId} attempt ${event.attempt}/${event.maxAttempts} failed (${event.error.message}); retrying in ${event.delayMs} ms`;
    case "node.fallback":
      return `  ⤷ ${event.from} → ${event.to} (${event.reason})`;
    case "node.skipped":
      return `  · ${event.nodeId} skipped: ${event.reason}`;
    default:
      return undefined;
  }
}
