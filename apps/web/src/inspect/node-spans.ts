import type { FallbackReason, RunError, RunEvent } from "@switchyard/core";

/** How one attempt of a node ended; `running` while it still goes. */
export type AttemptOutcome = "ok" | "error" | "timeout" | "running";

/** One try of a node's call, in ms since the run started. */
export interface AttemptSpan {
  attempt: number;
  startMs: number;
  endMs: number;
  outcome: AttemptOutcome;
  error?: RunError;
}

/** The back-off between a failed attempt and the next one (from `node.retry`). */
export interface RetryGap {
  afterAttempt: number;
  startMs: number;
  endMs: number;
  delayMs: number;
}

export type SpanStatus = "running" | "retrying" | "done" | "failed" | "fell-back" | "skipped";

/** Everything the events say about one node's time in a run. */
export interface NodeSpan {
  nodeId: string;
  nodeType?: string;
  status: SpanStatus;
  /** Seq of the node's first event, for a stable order. */
  firstSeq: number;
  startMs: number;
  endMs: number;
  attempts: AttemptSpan[];
  gaps: RetryGap[];
  /** The attempt count the engine reported (a node making several calls counts them all). */
  reportedAttempts?: number;
  maxAttempts?: number;
  error?: RunError;
  skipReason?: string;
  fellBackTo?: { to: string; reason: FallbackReason };
  /** The node whose failure (or low confidence) handed over to this one. */
  fallbackFrom?: { from: string; reason: FallbackReason };
}

/** The run's clock: where it starts, and where it is now (or ended). */
export interface RunClock {
  startTime: number;
  endMs: number;
  finished: boolean;
}

export function runClock(events: readonly RunEvent[], now?: number): RunClock {
  const first = events[0];
  const startTime = first ? Date.parse(first.time) : 0;
  const last = events.at(-1);
  const finished =
    last !== undefined &&
    (last.type === "run.completed" || last.type === "run.failed" || last.type === "run.cancelled");
  const lastMs = last ? Date.parse(last.time) - startTime : 0;
  const endMs = finished || now === undefined ? lastMs : Math.max(lastMs, now - startTime);
  return { startTime, endMs: Math.max(0, endMs), finished };
}

/**
 * Folds a run's events into one span per node that started or was skipped. Attempt k ends at its
 * `node.retry` (or at the node's final event); attempt k+1 starts after the retry delay. A node
 * still open is drawn up to the clock's end.
 */
export function nodeSpans(
  events: readonly RunEvent[],
  clock: RunClock = runClock(events),
): NodeSpan[] {
  const spans = new Map<string, NodeSpan>();
  const at = (time: string) => Math.max(0, Date.parse(time) - clock.startTime);
  for (const event of events) {
    if (!("nodeId" in event)) continue;
    const t = at(event.time);
    let span = spans.get(event.nodeId);
    if (!span) {
      span = {
        nodeId: event.nodeId,
        status: "running",
        firstSeq: event.seq,
        startMs: t,
        endMs: t,
        attempts: [],
        gaps: [],
      };
      spans.set(event.nodeId, span);
    }
    switch (event.type) {
      case "node.started":
        span.nodeType = event.nodeType;
        span.startMs = t;
        span.attempts = [{ attempt: 1, startMs: t, endMs: t, outcome: "running" }];
        break;
      case "node.retry": {
        const current = span.attempts.at(-1) ?? {
          attempt: event.attempt,
          startMs: span.startMs,
          endMs: t,
          outcome: "running" as const,
        };
        if (!span.attempts.length) span.attempts.push(current);
        close(current, t, event.error);
        current.attempt = event.attempt;
        const gap = {
          afterAttempt: event.attempt,
          startMs: t,
          endMs: t + event.delayMs,
          delayMs: event.delayMs,
        };
        span.gaps.push(gap);
        span.attempts.push({
          attempt: event.attempt + 1,
          startMs: gap.endMs,
          endMs: gap.endMs,
          outcome: "running",
        });
        span.status = "retrying";
        span.maxAttempts = event.maxAttempts;
        break;
      }
      case "node.completed":
        span.nodeType = event.nodeType;
        finish(span, t, "done");
        if (event.attempts !== undefined) span.reportedAttempts = event.attempts;
        break;
      case "node.failed":
        span.nodeType = event.nodeType;
        span.error = event.error;
        finish(span, t, "failed", event.error);
        if (event.attempts !== undefined) span.reportedAttempts = event.attempts;
        break;
      case "node.skipped":
        span.nodeType = event.nodeType;
        span.status = "skipped";
        span.skipReason = event.reason;
        span.startMs = span.endMs = t;
        break;
      case "node.fallback":
        span.fellBackTo = { to: event.to, reason: event.reason };
        span.status = "fell-back";
        fallbackTarget(spans, event.to, event.from, event.reason, event.seq, t);
        break;
      case "node.delta":
        break;
    }
  }
  for (const span of spans.values())
    if (span.status === "running" || span.status === "retrying") extendOpen(span, clock.endMs);
  return [...spans.values()].sort((a, b) => a.startMs - b.startMs || a.firstSeq - b.firstSeq);
}

function close(attempt: AttemptSpan, t: number, error?: RunError): void {
  attempt.endMs = Math.max(attempt.startMs, t);
  if (error) {
    attempt.error = error;
    attempt.outcome = error.code === "timeout" ? "timeout" : "error";
  } else attempt.outcome = "ok";
}

function finish(span: NodeSpan, t: number, status: "done" | "failed", error?: RunError): void {
  span.status = status;
  span.endMs = Math.max(span.startMs, t);
  const last = span.attempts.at(-1);
  if (!last)
    span.attempts.push({
      attempt: 1,
      startMs: span.startMs,
      endMs: span.endMs,
      outcome: error ? "error" : "ok",
      ...(error ? { error } : {}),
    });
  else {
    // The clock may have moved on less than the planned back-off (a cancelled sleep): never draw a negative bar.
    last.startMs = Math.min(last.startMs, span.endMs);
    close(last, span.endMs, error);
  }
}

function fallbackTarget(
  spans: Map<string, NodeSpan>,
  to: string,
  from: string,
  reason: FallbackReason,
  seq: number,
  t: number,
): void {
  const target = spans.get(to);
  if (target) target.fallbackFrom = { from, reason };
  // The target's own events follow; create it now so it remembers who handed over.
  else
    spans.set(to, {
      nodeId: to,
      status: "running",
      firstSeq: seq,
      startMs: t,
      endMs: t,
      attempts: [],
      gaps: [],
      fallbackFrom: { from, reason },
    });
}

function extendOpen(span: NodeSpan, endMs: number): void {
  span.endMs = Math.max(span.startMs, endMs);
  const last = span.attempts.at(-1);
  if (last && last.outcome === "running") {
    if (last.startMs > endMs) {
      // Still backing off: the next attempt has not begun.
      span.attempts.pop();
      const gap = span.gaps.at(-1);
      if (gap) gap.endMs = Math.max(gap.startMs, endMs);
    } else last.endMs = endMs;
  }
}
