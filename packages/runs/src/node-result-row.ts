import type { RunEvent, SettledNode } from "@switchyard/core";

/** A settled node as the node_result table keeps it, for resume and per-node inspection. */
export interface NodeResultRow {
  nodeId: string;
  status: SettledNode["status"];
  result: SettledNode;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number | null;
  model: string | null;
  attempts: number | null;
}

/** What a node's terminal event says about it, as persisted for resume and inspection. */
function settledFrom(event: RunEvent): SettledNode | undefined {
  switch (event.type) {
    case "node.completed": {
      const { output, usage, costUsd, latencyMs, confidence, replacedChars, truncated } = event;
      const port = typeof output.decision === "string" ? output.decision : typeof output.route === "string" ? output.route : undefined;
      return {
        status: "completed",
        output,
        usage,
        costUsd,
        latencyMs,
        ...(confidence !== undefined ? { confidence } : {}),
        ...(port ? { port } : {}),
        // A resumed run shows what was repaired or cut in its nodes as the first attempt saw it.
        ...(replacedChars ? { replacedChars } : {}),
        ...(truncated ? { truncated } : {}),
      };
    }
    case "node.failed":
      return { status: "failed", error: event.error, usage: event.usage, costUsd: event.costUsd, latencyMs: event.latencyMs };
    case "node.skipped":
      return { status: "skipped", reason: event.reason };
    default:
      return undefined;
  }
}

export function nodeResultRow(event: RunEvent): NodeResultRow | undefined {
  const settled = settledFrom(event);
  if (!settled || !("nodeId" in event)) return undefined;
  const usage = settled.status === "skipped" ? { input: 0, output: 0 } : settled.usage;
  return {
    nodeId: event.nodeId,
    status: settled.status,
    result: settled,
    costUsd: settled.status === "skipped" ? 0 : settled.costUsd,
    inputTokens: usage.input,
    outputTokens: usage.output,
    latencyMs: settled.status === "skipped" ? null : Math.round(settled.latencyMs),
    model: event.type === "node.completed" || event.type === "node.failed" ? (event.model ?? null) : null,
    attempts: event.type === "node.completed" || event.type === "node.failed" ? (event.attempts ?? null) : null,
  };
}
