import { useEffect, useMemo } from "react";
import type { RunEvent } from "@switchyard/core";
import { RunEventQueue } from "./run-event-queue";
import type { RunStore } from "./run-store";

/**
 * Returns a `push(event)` for a live event source (SSE subscription, replay) that feeds the run
 * store one batch per animation frame.
 */
export function useRunStream(store: RunStore): (event: RunEvent) => void {
  const queue = useMemo(() => new RunEventQueue((events) => store.getState().apply(events)), [store]);
  useEffect(() => () => queue.dispose(), [queue]);
  return useMemo(() => (event: RunEvent) => queue.push(event), [queue]);
}
