import type { RunEvent, RunEventOf } from "@switchyard/core";
import { queuedNode, type NodeRunView, type RunView } from "./run-view";
import { decisionView } from "./node-decisions";

/**
 * Folds one run event into the view. Pure, and idempotent per `seq`: an event at or below the last
 * applied seq is ignored, so replaying a stream after a reconnect never double-counts tokens or cost.
 */
export function applyRunEvent(view: RunView, event: RunEvent): RunView {
  if (event.type === "run.started") return event.runId === view.runId && event.seq <= view.lastSeq ? view : started(view, event);
  if (event.seq <= view.lastSeq || (view.runId !== undefined && event.runId !== view.runId)) return view;
  const next: RunView = {
    ...view,
    // A stream joined after its start (resumed from a seq) still gets pinned to its run.
    runId: view.runId ?? event.runId,
    status: view.status === "idle" ? "running" : view.status,
    lastSeq: event.seq,
    lastEventAt: event.time,
    totals: { ...view.totals, elapsedMs: elapsed(view.startedAt, event.time) },
  };
  switch (event.type) {
    case "node.started":
      return patchNode(next, event.nodeId, { status: "running", text: "", attempt: 1 });
    case "node.delta": {
      const node = next.nodes[event.nodeId] ?? queuedNode();
      // A new attempt streams from scratch; keep only its text.
      const text = event.attempt === node.attempt ? node.text + event.text : event.text;
      return patchNode(next, event.nodeId, { status: "running", text, attempt: event.attempt });
    }
    case "node.retry":
      return patchNode(next, event.nodeId, {
        status: "retrying",
        retry: { attempt: event.attempt, maxAttempts: event.maxAttempts, delayMs: event.delayMs, error: event.error },
      });
    case "node.completed":
      return addCost(litOutgoing(patchNode(next, event.nodeId, completed(event)), event), event);
    case "node.failed":
      return addCost(
        patchNode(next, event.nodeId, {
          status: "failed",
          error: event.error,
          latencyMs: event.latencyMs,
          tokens: event.usage,
          costUsd: event.costUsd,
          ...(event.attempts !== undefined ? { attempts: event.attempts } : {}),
        }),
        event,
      );
    case "node.skipped":
      return patchNode(next, event.nodeId, { status: "skipped", skipReason: event.reason });
    case "node.fallback":
      return fellBack(next, event);
    case "run.completed":
    case "run.failed":
    case "run.cancelled":
      return {
        ...next,
        status: event.type === "run.completed" ? "completed" : event.type === "run.failed" ? "failed" : "cancelled",
        outputs: event.outputs,
        totals: { costUsd: event.costUsd, tokens: event.tokens, elapsedMs: event.latencyMs },
        ...(event.type === "run.failed" ? { error: event.error } : {}),
        ...(event.type === "run.cancelled" ? { reason: event.reason } : {}),
      };
  }
}

export function applyRunEvents(view: RunView, events: readonly RunEvent[]): RunView {
  return events.reduce(applyRunEvent, view);
}

function started(view: RunView, event: RunEventOf<"run.started">): RunView {
  const nodes = Object.fromEntries(view.graph.nodeIds.map((id) => [id, queuedNode()]));
  return {
    graph: view.graph,
    runId: event.runId,
    lastSeq: event.seq,
    status: "running",
    startedAt: event.time,
    lastEventAt: event.time,
    inputs: event.inputs,
    nodes,
    edges: {},
    totals: { costUsd: 0, tokens: { input: 0, output: 0 }, elapsedMs: 0 },
  };
}

function completed(event: RunEventOf<"node.completed">): Partial<NodeRunView> {
  const text = event.output.text;
  return {
    status: "done",
    retry: undefined,
    ...(typeof text === "string" ? { text } : {}),
    tokens: event.usage,
    costUsd: event.costUsd,
    latencyMs: event.latencyMs,
    output: event.output,
    ...(event.model !== undefined ? { model: event.model, simulated: event.simulated ?? false } : {}),
    ...(event.attempts !== undefined ? { attempts: event.attempts } : {}),
    ...(event.confidence !== undefined ? { confidence: event.confidence } : {}),
    ...(event.replacedChars ? { replacedChars: event.replacedChars } : {}),
    ...(event.truncated !== undefined ? { truncated: event.truncated } : {}),
    ...decisionView(event.nodeType, event.output, event.confidence),
  };
}

/** Marks the data edges the node's value actually left on: its chosen port for gates and routers, all others otherwise. */
function litOutgoing(view: RunView, event: RunEventOf<"node.completed">): RunView {
  const node = view.nodes[event.nodeId];
  const port = node?.gate?.decision ?? node?.route?.name;
  const lit = view.graph.edges.filter(
    (e) => e.source === event.nodeId && e.kind === "data" && (e.sourceHandle === undefined || e.sourceHandle === "out" || e.sourceHandle === port),
  );
  if (lit.length === 0) return view;
  return { ...view, edges: { ...view.edges, ...Object.fromEntries(lit.map((e) => [e.id, "carried" as const])) } };
}

function fellBack(view: RunView, event: RunEventOf<"node.fallback">): RunView {
  const taken = view.graph.edges.filter((e) => e.kind === "fallback" && e.source === event.from && e.target === event.to);
  const edges = { ...view.edges };
  for (const e of taken) edges[e.id] = "taken";
  // A low-confidence fallback supersedes a completed answer: its data edges no longer carry it.
  if (event.reason === "low_confidence") for (const e of view.graph.edges) if (e.source === event.from && e.kind === "data") delete edges[e.id];
  return patchNode({ ...view, edges }, event.from, { status: "fell-back", fellBackTo: { to: event.to, reason: event.reason } });
}

function addCost(view: RunView, event: { usage: { input: number; output: number }; costUsd: number }): RunView {
  const { tokens, costUsd } = view.totals;
  return {
    ...view,
    totals: { ...view.totals, costUsd: costUsd + event.costUsd, tokens: { input: tokens.input + event.usage.input, output: tokens.output + event.usage.output } },
  };
}

function patchNode(view: RunView, nodeId: string, patch: Partial<NodeRunView>): RunView {
  const node = { ...(view.nodes[nodeId] ?? queuedNode()), ...patch };
  if (patch.retry === undefined && "retry" in patch) delete node.retry;
  return { ...view, nodes: { ...view.nodes, [nodeId]: node } };
}

function elapsed(from: string | undefined, to: string): number {
  if (!from) return 0;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? Math.max(0, ms) : 0;
}
