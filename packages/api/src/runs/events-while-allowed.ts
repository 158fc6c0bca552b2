import type { RunEvent } from "@switchyard/core";
import type { ApiServices } from "../services/api-services";
import type { Principal } from "../services/access-changes";

/** The safety net behind announcements: how often an open stream re-checks access regardless. */
export const ACCESS_RECHECK_MS = 5000;

export interface GuardedStreamOptions {
  services: Pick<ApiServices, "events" | "accessChanges">;
  runId: string;
  afterSeq: number;
  /** Aborted when the reader goes away. */
  signal: AbortSignal;
  /** Whose access the stream depends on. */
  principal: Principal;
  /** Throws (NOT_FOUND, FORBIDDEN…) once the principal may no longer read the run. */
  check: () => Promise<void>;
  recheckMs?: number;
}

/**
 * A run's events for as long as the reader may see them. Access is checked again as soon as a
 * change to the reader's access is announced, and every few seconds in case an announcement was
 * missed (or a flow was deleted); once the check fails, the stream ends with its error.
 */
export async function* eventsWhileAllowed(options: GuardedStreamOptions): AsyncGenerator<RunEvent> {
  const { services, principal, check } = options;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal.addEventListener("abort", onAbort);
  if (options.signal.aborted) stop.abort();

  let denied: { error: unknown } | undefined;
  let running = false;
  let again = false;
  const recheck = (): void => {
    // One check at a time; an announcement during a check runs one more after it, so a change
    // committed after the running check's read is still seen.
    if (running) {
      again = true;
      return;
    }
    running = true;
    void check()
      .catch((error: unknown) => {
        denied ??= { error };
        stop.abort();
      })
      .finally(() => {
        running = false;
        if (again && !denied) {
          again = false;
          recheck();
        }
      });
  };

  const unsubscribe = await services.accessChanges.subscribe(principal, recheck);
  const timer = setInterval(recheck, options.recheckMs ?? ACCESS_RECHECK_MS);
  // The caller checked before subscribing; check once more so a change in between is not missed.
  recheck();
  try {
    for await (const event of services.events.stream(options.runId, options.afterSeq, stop.signal)) {
      if (denied) break;
      yield event;
    }
    if (denied) throw denied.error;
  } finally {
    clearInterval(timer);
    unsubscribe();
    options.signal.removeEventListener("abort", onAbort);
    stop.abort();
  }
}
