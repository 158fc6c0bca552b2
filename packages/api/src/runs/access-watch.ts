import type { ApiServices } from "../services/api-services";
import type { Principal } from "../services/access-changes";

/** The safety net behind announcements: how often an open stream re-checks access regardless. */
export const ACCESS_RECHECK_MS = 5000;

export interface AccessWatchOptions {
  services: Pick<ApiServices, "accessChanges">;
  /** Whose access the reader depends on. */
  principal: Principal;
  /** Throws (NOT_FOUND, FORBIDDEN…) once the principal may no longer read the run. */
  check: () => Promise<void>;
  /** Aborted when the reader goes away. */
  signal: AbortSignal;
  recheckMs?: number;
  /**
   * The caller has just checked with an answer no older than the last announcement (an API key
   * verified, or remembered until a change to it was announced): no need to check again at once.
   */
  justChecked?: boolean;
}

export interface AccessWatch {
  /** Aborts when the reader goes away or loses access. */
  signal: AbortSignal;
  /** Why access was lost, once it was. */
  denied(): { error: unknown } | undefined;
  close(): void;
}

/**
 * Keeps checking that a reader may still read a run, for as long as it reads: again as soon as a
 * change to its access is announced, and every few seconds in case an announcement was missed
 * (or a flow was deleted). The caller checked once before; this checks once more at the start
 * (unless `justChecked`), so a change in between is not missed.
 */
export async function watchAccess(options: AccessWatchOptions): Promise<AccessWatch> {
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
  if (!options.justChecked) recheck();
  return {
    signal: stop.signal,
    denied: () => denied,
    close() {
      clearInterval(timer);
      unsubscribe();
      options.signal.removeEventListener("abort", onAbort);
      stop.abort();
    },
  };
}
