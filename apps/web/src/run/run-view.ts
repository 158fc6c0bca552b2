import type { FlowDocument, RunError, RunEventMap, TokenUsage } from "@switchyard/core";

/** How a node is doing in the current run, as the canvas shows it. */
export type NodeRunStatus = "queued" | "running" | "retrying" | "fell-back" | "done" | "failed" | "skipped";

export interface VoteRowView {
  nodeId: string;
  status: string;
  answer?: string;
  weight?: number;
}

/** Everything the canvas and inspector show about one node during and after a run. */
export interface NodeRunView {
  status: NodeRunStatus;
  /** Streamed text of the current attempt; the final output text once done. */
  text: string;
  attempt: number;
  retry?: { attempt: number; maxAttempts: number; delayMs: number; error: RunError };
  tokens?: TokenUsage;
  costUsd?: number;
  latencyMs?: number;
  model?: string;
  simulated?: boolean;
  attempts?: number;
  confidence?: number;
  error?: RunError;
  skipReason?: string;
  /** Where this node's fallback went, and why. */
  fellBackTo?: { to: string; reason: string };
  vote?: { answer: string; agreement: number; rows: VoteRowView[] };
  gate?: { confidence?: number; threshold: number; decision: string; reason?: string };
  route?: { name: string; reason?: string };
  output?: Record<string, unknown>;
  /** Characters of the model's text that could not be stored (U+0000, unpaired surrogates), each replaced with U+FFFD. */
  replacedChars?: number;
  /** The reply stopped early: at the call's maxTokens, or at the server's ceiling on output. */
  truncated?: RunEventMap["node.completed"]["truncated"];
}

/** `carried`: data went along it; `taken`: a fallback edge that fired. */
export type EdgeRunState = "carried" | "taken";

export type RunStatus = "idle" | "running" | "completed" | "failed" | "cancelled";

/** The flow's wiring, as far as the reducer needs it to light up edges. */
export interface RunGraph {
  nodeIds: string[];
  edges: { id: string; source: string; target: string; sourceHandle?: string; kind: "data" | "fallback" }[];
}

export interface RunView {
  graph: RunGraph;
  runId?: string;
  /** Highest `seq` applied; events at or below it are duplicates (e.g. after a reconnect). */
  lastSeq: number;
  status: RunStatus;
  startedAt?: string;
  lastEventAt?: string;
  inputs?: Record<string, unknown>;
  nodes: Record<string, NodeRunView>;
  edges: Record<string, EdgeRunState>;
  totals: { costUsd: number; tokens: TokenUsage; elapsedMs: number };
  outputs?: Record<string, unknown>;
  error?: RunError;
  /** Why a run was cancelled. */
  reason?: string;
}

export function runGraphOf(doc: Pick<FlowDocument, "nodes" | "edges">): RunGraph {
  return {
    nodeIds: doc.nodes.map((n) => n.id),
    edges: doc.edges.map((e) => ({
      id: e.id ?? `${e.source}-${e.target}`,
      source: e.source,
      target: e.target,
      kind: e.kind,
      ...(e.sourceHandle ? { sourceHandle: e.sourceHandle } : {}),
    })),
  };
}

export function emptyRunView(graph: RunGraph): RunView {
  return { graph, lastSeq: 0, status: "idle", nodes: {}, edges: {}, totals: { costUsd: 0, tokens: { input: 0, output: 0 }, elapsedMs: 0 } };
}

export function queuedNode(): NodeRunView {
  return { status: "queued", text: "", attempt: 1 };
}
