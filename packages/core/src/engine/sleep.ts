import { ModelError } from "../model/model-errors";

/** Waits `ms`, or rejects with a `cancelled` error as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new ModelError("cancelled", "run cancelled"));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ModelError("cancelled", "run cancelled"));
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
