import type { RunEvent, RunEventType } from "@switchyard/core";
import { isRecord } from "../util/records";

const EVENT_TYPES: ReadonlySet<string> = new Set<RunEventType>([
  "run.started",
  "node.started",
  "node.delta",
  "node.retry",
  "node.fallback",
  "node.completed",
  "node.failed",
  "node.skipped",
  "run.completed",
  "run.failed",
  "run.cancelled",
]);

/** Checks the common fields every run event has; the payload is trusted to match its `type`. */
export function isRunEvent(value: unknown): value is RunEvent {
  if (!isRecord(value)) return false;
  const e = value;
  const nodeScoped = typeof e.type === "string" && e.type.startsWith("node.");
  return (
    typeof e.type === "string" &&
    EVENT_TYPES.has(e.type) &&
    typeof e.runId === "string" &&
    typeof e.seq === "number" &&
    typeof e.time === "string" &&
    (!nodeScoped || typeof e.nodeId === "string")
  );
}

/** Run events from JSON Lines, as `switchyard run --json` prints them; other lines are skipped. */
export function parseRunEvents(text: string): RunEvent[] {
  return text.split("\n").flatMap((line) => {
    if (!line.trim().startsWith("{")) return [];
    try {
      const value: unknown = JSON.parse(line);
      return isRunEvent(value) ? [value] : [];
    } catch {
      return [];
    }
  });
}
