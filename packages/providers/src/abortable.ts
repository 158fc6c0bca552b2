import { abortError } from "./errors";

/**
 * Settles with `work`, or rejects as soon as `signal` fires, whichever is first. The SDK also
 * gets the signal, but a call stuck before its first byte must not wait for the SDK to notice.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal, model: string): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined); // its eventual rejection is expected; keep it from going unhandled
    return Promise.reject(abortError(signal, model));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => undefined);
      reject(abortError(signal, model));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
