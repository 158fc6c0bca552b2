import type { TokenUsage } from "../model/model-gateway";

/** A failure as it appears in events: a category, a message that names the problem, and the node. */
export interface RunError {
  code: string;
  message: string;
  nodeId?: string;
  status?: number;
}

interface EventBase {
  runId: string;
  /** Per-run, strictly increasing from 1. */
  seq: number;
  /** ISO-8601 timestamp. */
  time: string;
}

interface NodeEventBase extends EventBase {
  nodeId: string;
}

/** The outputs and totals every terminal run event carries. */
export interface RunTotals {
  outputs: Record<string, unknown>;
  costUsd: number;
  tokens: TokenUsage;
  latencyMs: number;
}

/** The run event map: one entry per event type, payload without the common fields. */
export interface RunEventMap {
  "run.started": { flowName: string; inputs: Record<string, unknown>; seed: number; budgetUsd?: number };
  "node.started": { nodeType: string };
  "node.delta": { text: string; attempt: number };
  "node.retry": { attempt: number; maxAttempts: number; delayMs: number; error: RunError };
  "node.fallback": { from: string; to: string; reason: FallbackReason };
  "node.completed": {
    nodeType: string;
    output: Record<string, unknown>;
    usage: TokenUsage;
    costUsd: number;
    latencyMs: number;
    confidence?: number;
    model?: string;
    simulated?: boolean;
    attempts?: number;
    /** Characters of model text the database cannot store (U+0000, unpaired surrogates), each replaced with U+FFFD. */
    replacedChars?: number;
    /** Why the reply stopped before the model finished: it reached the call's maxTokens, or the host's ceiling on output. */
    truncated?: "max_tokens" | "output_limit";
  };
  /** `model`: the model whose call failed the node (absent when no call was made, or the run was cancelled). */
  "node.failed": { nodeType: string; error: RunError; latencyMs: number; attempts?: number; model?: string; usage: TokenUsage; costUsd: number };
  "node.skipped": { nodeType: string; reason: string };
  "run.completed": RunTotals;
  "run.failed": RunTotals & { error: RunError };
  "run.cancelled": RunTotals & { reason: string };
}

export type RunEventType = keyof RunEventMap;
export type FallbackReason = "error" | "timeout" | "low_confidence";

type NodeScoped = "node.started" | "node.delta" | "node.retry" | "node.fallback" | "node.completed" | "node.failed" | "node.skipped";

/** A run event of type `T`, with its common fields. */
export type RunEventOf<T extends RunEventType> = { type: T } & (T extends NodeScoped ? NodeEventBase : EventBase) &
  RunEventMap[T];

/** Any run event: a discriminated union on `type`. */
export type RunEvent = { [T in RunEventType]: RunEventOf<T> }[RunEventType];

export const TERMINAL_EVENT_TYPES = ["run.completed", "run.failed", "run.cancelled"] as const;

export type TerminalRunEvent = Extract<RunEvent, { type: (typeof TERMINAL_EVENT_TYPES)[number] }>;

export function isTerminalEvent(event: RunEvent): event is TerminalRunEvent {
  return (TERMINAL_EVENT_TYPES as readonly string[]).includes(event.type);
}
