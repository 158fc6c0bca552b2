import { isTerminalEvent, type RunEvent } from "@switchyard/core";
import type { RunEventSource } from "@switchyard/api";
import { parseRunEventsNotice, readEndEvent, readRunEvents, runHasEnded, RUN_EVENTS_CHANNEL } from "@switchyard/runs";
import type { SqlPool } from "@switchyard/db";
import type { PgListener } from "../db/pg-listener";

/** A slow poll behind the NOTIFYs, in case one is ever missed (a dropped LISTEN connection). */
const SAFETY_POLL_MS = 3000;

/**
 * One reader of one run: told of every batch, or only of the end. A notice that arrives while the
 * reader is reading sets `pending`, so it reads again instead of sleeping through it.
 */
class Waiter {
  pending = false;
  /** The terminal event, when a notice carried it. */
  end: RunEvent | undefined;
  private wake: (() => void) | undefined;

  constructor(readonly only: "batch" | "end") {}

  notify(end?: RunEvent): void {
    this.pending = true;
    this.end ??= end;
    this.wake?.();
  }

  /** Until notified, `signal` aborts, or the safety poll comes round. */
  sleep(signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, SAFETY_POLL_MS);
      this.wake = done;
      signal.addEventListener("abort", done);
    });
  }
}

/**
 * A run's events for any subscriber on any API process. One LISTEN for the process; each NOTIFY
 * (which says the run, its last seq and whether it ended) wakes only the readers of that run.
 * Streams read by `seq > last`, so every event arrives exactly once and in order, whether it was
 * written before or after the reader arrived; waiting for the end reads nothing until the run
 * has ended. A stream of a run that already ended, with nothing after the reader's last event (an
 * EventSource reconnecting after the server closed a finished stream), ends at once.
 */
export function pgRunEventSource(sql: SqlPool, listener: PgListener): RunEventSource {
  const waiters = new Map<string, Set<Waiter>>();
  const listening = listener.listen(RUN_EVENTS_CHANNEL, (payload) => {
    if (payload === "") {
      // The LISTEN connection came back: anything may have happened meanwhile.
      for (const set of waiters.values()) for (const w of set) w.notify();
      return;
    }
    const notice = parseRunEventsNotice(payload);
    for (const w of waiters.get(notice.runId) ?? []) if (w.only === "batch" || notice.ended) w.notify(notice.end);
  });
  const register = (runId: string, waiter: Waiter) => {
    let set = waiters.get(runId);
    if (!set) waiters.set(runId, (set = new Set()));
    set.add(waiter);
    return () => {
      set.delete(waiter);
      if (set.size === 0 && waiters.get(runId) === set) waiters.delete(runId);
    };
  };

  return {
    async *stream(runId, afterSeq, signal) {
      await listening;
      const waiter = new Waiter("batch");
      const unregister = register(runId, waiter);
      try {
        let last = afterSeq;
        while (!signal.aborted) {
          waiter.pending = false;
          const events = await readRunEvents(sql, runId, last);
          for (const event of events) {
            last = event.seq;
            yield event;
            if (isTerminalEvent(event)) return;
          }
          if (events.length > 0) continue;
          // Nothing new: either more is coming, or the run ended before (or without) our last id.
          if (await runHasEnded(sql, runId)) {
            if ((await readRunEvents(sql, runId, last, { limit: 1 })).length === 0) return;
            continue;
          }
          await waiter.sleep(signal);
        }
      } finally {
        unregister();
      }
    },

    async waitForEnd(runId, signal) {
      await listening;
      const waiter = new Waiter("end");
      const unregister = register(runId, waiter);
      try {
        while (!signal.aborted) {
          // Registered before reading: an end announced meanwhile still wakes us.
          waiter.pending = false;
          const end = await readEndEvent(sql, runId);
          if (end) return end;
          await waiter.sleep(signal);
          // The notice of the end usually carries it: then there is nothing to read.
          if (waiter.end) return waiter.end;
        }
        return undefined;
      } finally {
        unregister();
      }
    },
  };
}
