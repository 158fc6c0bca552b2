import type { ModelGateway } from "../model/model-gateway";
import type { MemoryStore } from "../memory/memory-store";
import type { RunEvent, RunError, RunTotals } from "../events/run-events";
import type { SettledNode } from "./node-state";

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
