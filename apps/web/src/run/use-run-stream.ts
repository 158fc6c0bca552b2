import { useEffect, useMemo } from "react";
import type { RunEvent } from "@switchyard/core";
import { RunEventQueue } from "./run-event-queue";
import type { RunStore } from "./run-store";

/**
 * Counters a benchmark can read: it sets `window.__switchyardRunStats = { events: 0, updates: 0,
 * maxBatch: 0 }` before the app loads, and the live run view counts into it. Absent (always, outside
 * a benchmark), nothing is counted.
 */
interface RunStats {
  /** Events received from the live source. */
  events: number;
  /** Store updates made (one per animation frame that had events). */
  updates: number;
  /** Most events applied in one update. */
  maxBatch: number;
}

function runStats(): RunStats | undefined {
  return (globalThis as { __switchyardRunStats?: RunStats }).__switchyardRunStats;
}

/**
 * Returns a `push(event)` for a live event source (SSE subscription, replay) that feeds the run
 * store one batch per animation frame.
 */
export function useRunStream(store: RunStore): (event: RunEvent) => void {
  const queue = useMemo(
    () =>
      new RunEventQueue((events) => {
        const stats = runStats();
        if (stats) {
          stats.updates += 1;
          stats.maxBatch = Math.max(stats.maxBatch, events.length);
        }
        store.getState().apply(events);
      }),
    [store],
  );
  useEffect(() => () => queue.dispose(), [queue]);
  return useMemo(
    () => (event: RunEvent) => {
      const stats = runStats();
      if (stats) stats.events += 1;
      queue.push(event);
    },
    [queue],
  );
}
