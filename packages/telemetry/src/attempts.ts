import type { RunEventOf } from "@switchyard/core";

/** When one model attempt ran, and the retry event that ended it (absent for the last attempt). */
export interface AttemptWindow {
  attempt: number;
  startMs: number;
  endMs: number;
  retry?: RunEventOf<"node.retry">;
}

/**
 * The attempts of a node that retried, from its events alone: an attempt fails at its
 * `node.retry` event, the next one starts once that event's delay has passed, and the last one
 * ends when the node settles. (A node that makes several calls numbers each call's attempts
 * from 1; the windows then follow the events in order.)
 */
export function attemptWindows(startMs: number, retries: readonly RunEventOf<"node.retry">[], endMs: number): AttemptWindow[] {
  const windows: AttemptWindow[] = [];
  let from = startMs;
  for (const retry of retries) {
    const failedAt = Math.max(from, Date.parse(retry.time));
    windows.push({ attempt: retry.attempt, startMs: from, endMs: failedAt, retry });
    from = failedAt + retry.delayMs;
  }
  const last = retries.at(-1);
  const end = Math.max(endMs, startMs);
  windows.push({ attempt: (last?.attempt ?? 0) + 1, startMs: Math.min(from, end), endMs: end });
  return windows;
}
