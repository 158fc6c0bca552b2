import type { ModelGateway } from "../model/model-gateway";
import type { MemoryStore } from "../memory/memory-store";
import type { RunEvent, RunError, RunTotals } from "../events/run-events";
import type { SettledNode } from "./node-state";
import type { Budget } from "./budget";

/**
 * What one model call may produce, whatever its node asks for. Every call is held to
 * min(its maxTokens, the model's maximum output from the price table, `maxOutputTokens`), and
 * the engine stops the stream itself when the reply reaches that (counted conservatively, at ~3
 * UTF-8 bytes a token) or `maxOutputChars`: a provider that ignores max_tokens can neither
 * overspend nor fill memory. The text so far is kept and node.completed says `truncated`.
 */
export interface RunLimits {
  /** Output tokens of one call at most: the host's ceiling ("output_limit" when it is what stops a reply). */
  maxOutputTokens?: number;
  /** Characters of text one call keeps at most, so one node's output is bounded ("output_limit"). */
  maxOutputChars?: number;
}

/** Limits when a host sets none: 32,768 output tokens a call, 1,000,000 characters a node output. */
export const DEFAULT_RUN_LIMITS: Readonly<Required<RunLimits>> = Object.freeze({ maxOutputTokens: 32_768, maxOutputChars: 1_000_000 });

/** Where subflows come from: files for the CLI, saved flows for the server. */
export interface SubflowLoader {
  /** The raw flow document for `ref`, and the loader its own subflows resolve against. */
  load(ref: string): Promise<{ document: unknown; loader?: SubflowLoader }>;
}

/** State of a run interrupted mid-way (a worker died), to finish it without re-running nodes. */
export interface ResumeState {
  /** Nodes that had settled, by id. Nodes not listed run (again). */
  nodes: Record<string, SettledNode>;
  /** The seq of the next event, so the stream continues where it stopped. */
  nextSeq: number;
  /** When the run first started (epoch ms), so latency covers the whole run. */
  startedAt?: number;
}

export interface RunOptions {
  gateway: ModelGateway;
  inputs?: Record<string, unknown>;
  /** Seed for simulated models and retry jitter; same flow + inputs + seed → same events. */
  seed?: number;
  runId?: string;
  /** USD budget; overrides the flow's `settings.budgetUsd`. */
  budgetUsd?: number;
  /**
   * A budget ledger to reserve and spend from instead of a new one: a subflow gets its parent's,
   * so parallel subflows never jointly exceed the budget. Wins over `budgetUsd`.
   */
  budget?: Budget;
  /** Limits on what each model call may produce; DEFAULT_RUN_LIMITS fills what is left out. */
  limits?: RunLimits;
  maxConcurrency?: number;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  memory?: MemoryStore;
  subflows?: SubflowLoader;
  resume?: ResumeState;
  now?: () => number;
  /** Nesting depth (subflows); hosts leave it unset. */
  depth?: number;
}

export interface RunResult extends RunTotals {
  status: "completed" | "failed" | "cancelled";
  runId: string;
  error?: RunError;
  /** Final state of every node that settled. */
  nodes: Record<string, SettledNode>;
}
