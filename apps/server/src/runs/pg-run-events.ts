import { isTerminalEvent, type RunEvent } from "@switchyard/core";
import type { RunEventSource } from "@switchyard/api";
import { readRunEvents, runHasEnded, RUN_EVENTS_CHANNEL } from "@switchyard/runs";
import type { Db } from "@switchyard/db";
import type { PgListener } from "../db/pg-listener";

/** A slow poll behind the NOTIFYs, in case one is ever missed (a dropped LISTEN connection). */
const SAFETY_POLL_MS = 3000;

/**
 * A run's events for any subscriber on any API process: LISTEN first, then read what is already
 * persisted, then read again on each NOTIFY. Reading by `seq > last` makes every event arrive
 * exactly once and in order, whether it was written before or after the subscriber arrived. A
 * stream of a run that has already ended, with nothing after the reader's last event (an
 * EventSource reconnecting after the server closed a finished stream), ends at once.
 */
export function pgRunEventSource(db: Db, listener: PgListener): RunEventSource {
  return {
    async *stream(runId: string, afterSeq: number, signal: AbortSignal): AsyncIterable<RunEvent> {
      let last = afterSeq;
      let wake: (() => void) | undefined;
      const stop = await listener.listen(RUN_EVENTS_CHANNEL, (id) => {
        if (id === runId || id === "") wake?.();
      });
      const onAbort = () => wake?.();
      signal.addEventListener("abort", onAbort);
      try {
        while (!signal.aborted) {
          const woken = new Promise<void>((resolve) => (wake = resolve));
          const events = await readRunEvents(db, runId, last);
          for (const event of events) {
            last = event.seq;
            yield event;
            if (isTerminalEvent(event)) return;
          }
          if (events.length > 0) continue;
          // Nothing new: either more is coming, or the run ended before (or without) our last id.
          if (await runHasEnded(db, runId)) {
            if ((await readRunEvents(db, runId, last, { limit: 1 })).length === 0) return;
            continue;
          }
          let timer: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([woken, new Promise<void>((resolve) => (timer = setTimeout(resolve, SAFETY_POLL_MS)))]);
          clearTimeout(timer);
        }
      } finally {
        stop();
        signal.removeEventListener("abort", onAbort);
      }
    },
  };
}
