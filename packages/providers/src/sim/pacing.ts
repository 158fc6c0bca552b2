import { abortError } from "../errors";

export interface Pace {
  latencyMs: number;
  tokensPerSecond: number;
}

/**
 * Delivers chunks one delta each: the first after `latencyMs`, then at `tokensPerSecond`. Chunks
 * that fell due together are delivered in one timer tick, so there is at most one timer per chunk,
 * and the pending timer is cleared when the signal aborts. With no latency and no pacing it
 * touches no timer at all (setTimeout(0) costs ~1 ms; the engine benchmark needs microseconds).
 */
export function paceChunks(
  chunks: readonly string[],
  pace: Pace,
  signal: AbortSignal,
  model: string,
  onDelta?: (text: string) => void,
): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError(signal, model));
  if (pace.latencyMs === 0 && pace.tokensPerSecond === 0) {
    if (chunks.length > 0) onDelta?.(chunks.join(""));
    return Promise.resolve();
  }
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let start = 0;
    let next = 0;
    let done = false; // an onDelta that aborts the signal must stop the loop that called it
    const settle = (error?: unknown) => {
      done = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onAbort = () => settle(abortError(signal, model));
    const tick = () => {
      timer = undefined;
      try {
        if (pace.tokensPerSecond === 0) {
          if (chunks.length > 0) onDelta?.(chunks.join(""));
          return settle();
        }
        const interval = 1000 / pace.tokensPerSecond;
        const now = performance.now();
        while (!done && next < chunks.length && start + next * interval <= now) {
          const chunk = chunks[next] ?? "";
          next++; // not inside onDelta?.(…): optional-call arguments are skipped when there is no callback
          onDelta?.(chunk);
        }
        if (done) return;
        if (next >= chunks.length) return settle();
        timer = setTimeout(tick, start + next * interval - now);
      } catch (error) {
        settle(error); // a throwing onDelta must not leave the call hanging
      }
    };
    const begin = () => {
      start = performance.now();
      tick();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    if (pace.latencyMs > 0) timer = setTimeout(begin, pace.latencyMs);
    else begin();
  });
}
