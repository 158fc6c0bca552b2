import type { TokenUsage } from "../model/model-gateway";
import { ModelError } from "../model/model-errors";
import type { NodeOutput } from "../nodes/node-types";
import { stringifyValue } from "../flow/template";
import { storableText } from "../util/storable-text";
import type { CallTally } from "./model-caller";
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
      /** Characters of model text replaced because the database could not store them. */
      replacedChars?: number;
      /** Why a model reply was cut short: the call's maxTokens, or the host's output limit. */
      truncated?: "max_tokens" | "output_limit";
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

/** A completed node's state: its output record as templates see it, plus usage and cost. */
export function completedState(output: NodeOutput, tally: CallTally, latencyMs: number): SettledNode {
  const record: Record<string, unknown> = { ...output.fields, value: output.value };
  record.text ??= stringifyValue(output.value);
  if (output.confidence !== undefined) record.confidence = output.confidence;
  if (tally.calls > 0) {
    record.usage = tally.usage;
    record.costUsd = tally.costUsd;
    if (tally.model !== undefined) record.model ??= tally.model;
  }
  return {
    status: "completed",
    output: record,
    usage: tally.usage,
    costUsd: tally.costUsd,
    latencyMs,
    ...(output.port !== undefined ? { port: output.port } : {}),
    ...(output.confidence !== undefined ? { confidence: output.confidence } : {}),
    ...(tally.replacedChars > 0 ? { replacedChars: tally.replacedChars } : {}),
    ...(tally.truncated ? { truncated: tally.truncated } : {}),
  };
}

/** Any error thrown by a node, as the run event reports it (storable: messages may quote model text). */
export function asRunError(error: unknown, nodeId: string): RunError {
  if (error instanceof ModelError) {
    return { code: error.code, message: storableText(error.message).text, nodeId, ...(error.status ? { status: error.status } : {}) };
  }
  return { code: "node_error", message: storableText(error instanceof Error ? error.message : String(error)).text, nodeId };
}
