import type { TokenUsage } from "../model/model-gateway";
import type { FallbackReason, RunError } from "../events/run-events";

/** A node's final state: what is persisted per node and handed back to resume a run. */
export type SettledNode =
  | {
      status: "completed";
      output: Record<string, unknown>;
      port?: string;
      confidence?: number;
      usage: TokenUsage;
      costUsd: number;
      latencyMs: number;
    }
  | { status: "failed"; error: RunError; usage: TokenUsage; costUsd: number; latencyMs: number }
  | { status: "skipped"; reason: string };

/** Settled state plus what the engine derives from it while the run goes on. */
export type NodeState =
  | { status: "pending" }
  | { status: "running" }
  | (Extract<SettledNode, { status: "completed" }> & { superseded: boolean })
  | (Extract<SettledNode, { status: "failed" }> & { absorbed: boolean })
  | Extract<SettledNode, { status: "skipped" }>;

/** Which fallback trigger a failure matches; cancellations and budget stops trigger none. */
export function failureTrigger(error: RunError): FallbackReason | undefined {
  if (error.code === "cancelled" || error.code === "budget") return undefined;
  return error.code === "timeout" ? "timeout" : "error";
}
