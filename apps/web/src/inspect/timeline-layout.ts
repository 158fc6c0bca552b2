import type { RunEvent } from "@switchyard/core";
import { nodeSpans, runClock, type NodeSpan } from "./node-spans";

export interface TimelineTick {
  ms: number;
  /** Position on the axis, 0–100 (%). */
  at: number;
  label: string;
}

/** A node's row: its span, placed on the axis (0–100 %), and whether it is on the critical path. */
export interface TimelineRow extends NodeSpan {
  left: number;
  width: number;
  critical: boolean;
}

export interface TimelineLayout {
  /** Epoch ms of the run's first event; every `*Ms` is relative to it. */
  startTime: number;
  /** Length of the axis: the run's wall time (or time so far). */
  durationMs: number;
  finished: boolean;
  rows: TimelineRow[];
  ticks: TimelineTick[];
  /** The chain of nodes, each waiting on the one before, that decided the wall time. */
  criticalPath: { nodeIds: string[]; totalMs: number };
  /** Sum of every node's own time: more than the wall time when branches ran in parallel. */
  nodeTimeMs: number;
}

export interface TimelineOptions {
  /** The flow's wiring, to tell what a node waited on; without it, the latest finisher before it is assumed. */
  edges?: readonly { source: string; target: string }[];
  /** Epoch ms "now", for a run still going. */
  now?: number;
}

/** Lays out a run's events as a waterfall: one row per node, every attempt and back-off on one time axis. */
export function layoutTimeline(
  events: readonly RunEvent[],
  options: TimelineOptions = {},
): TimelineLayout {
  const clock = runClock(events, options.now);
  const spans = nodeSpans(events, clock);
  const durationMs = Math.max(
    1,
    clock.endMs,
    ...spans.map((s) => Math.max(s.endMs, ...s.gaps.map((g) => g.endMs))),
  );
  const critical = criticalPath(spans, options.edges);
  const onPath = new Set(critical.nodeIds);
  const rows = spans.map((span) => ({
    ...span,
    left: toPercent(span.startMs, durationMs),
    width: toPercent(span.endMs - span.startMs, durationMs),
    critical: onPath.has(span.nodeId),
  }));
  const nodeTimeMs = spans.reduce(
    (sum, s) => sum + (s.status === "skipped" ? 0 : s.endMs - s.startMs),
    0,
  );
  return {
    startTime: clock.startTime,
    durationMs,
    finished: clock.finished,
    rows,
    ticks: timeTicks(durationMs),
    criticalPath: critical,
    nodeTimeMs,
  };
}

/** A position on an axis of `durationMs`, in percent, clamped to the axis. */
export function toPercent(ms: number, durationMs: number): number {
  if (durationMs <= 0) return 0;
  return Math.min(100, Math.max(0, (ms / durationMs) * 100));
}

const NICE_STEPS = [1, 2, 2.5, 5];

/** Round-number ticks (1, 2, 2.5 or 5 × 10ⁿ ms) from 0 up to the duration, at most `maxTicks` intervals. */
export function timeTicks(durationMs: number, maxTicks = 8): TimelineTick[] {
  const span = Math.max(1, durationMs);
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const nice = NICE_STEPS.map((s) => s * power).find((s) => span / s <= maxTicks);
    if (nice !== undefined) {
      step = nice;
      break;
    }
  }
  const ticks: TimelineTick[] = [];
  for (let i = 0; i * step <= span + 1e-9; i++)
    ticks.push({ ms: i * step, at: toPercent(i * step, span), label: tickLabel(i * step) });
  return ticks;
}

function tickLabel(ms: number): string {
  if (ms === 0) return "0";
  if (ms < 1000) return `${trim(ms, 2)} ms`;
  if (ms < 120_000) return `${trim(ms / 1000, 3)} s`;
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${Math.floor(ms / 60_000)} m${seconds ? ` ${seconds} s` : ""}`;
}

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/**
 * Walks back from the node that finished last: each step goes to the upstream node (by the flow's
 * edges, data or fallback) that finished last before it started, i.e. the one it was waiting on.
 */
export function criticalPath(
  spans: readonly NodeSpan[],
  edges?: readonly { source: string; target: string }[],
): { nodeIds: string[]; totalMs: number } {
  const ran = spans.filter((s) => s.status !== "skipped");
  const byId = new Map(ran.map((s) => [s.nodeId, s]));
  let current = ran.reduce<NodeSpan | undefined>(
    (last, s) =>
      !last || s.endMs > last.endMs || (s.endMs === last.endMs && s.firstSeq > last.firstSeq)
        ? s
        : last,
    undefined,
  );
  const path: NodeSpan[] = [];
  const seen = new Set<string>();
  while (current && !seen.has(current.nodeId)) {
    path.unshift(current);
    seen.add(current.nodeId);
    const node: NodeSpan = current;
    const candidates = edges
      ? edges.filter((e) => e.target === node.nodeId).flatMap((e) => byId.get(e.source) ?? [])
      : ran.filter((s) => s.nodeId !== node.nodeId && s.firstSeq < node.firstSeq);
    current = candidates
      .filter((s) => !seen.has(s.nodeId) && s.endMs <= node.startMs + 1)
      .reduce<NodeSpan | undefined>(
        (best, s) =>
          !best || s.endMs > best.endMs || (s.endMs === best.endMs && s.firstSeq > best.firstSeq)
            ? s
            : best,
        undefined,
      );
  }
  return {
    nodeIds: path.map((s) => s.nodeId),
    totalMs: path.reduce((sum, s) => sum + (s.endMs - s.startMs), 0),
  };
}
