import { ModelError, type ModelRequest, type SimOptions } from "@switchyard/core";
import { abortError } from "../errors";

/**
 * The failure this attempt simulates, or undefined when it should succeed. Failures come at once
 * (a real 429/500 arrives before any token); "timeout" hangs until the engine aborts the call.
 */
export function simulatedFailure(
  request: ModelRequest,
  sim: SimOptions | undefined,
): Promise<never> | undefined {
  const failing = sim?.alwaysFail === true || request.attempt <= (sim?.failFirst ?? 0);
  if (!failing) return undefined;
  const how = sim?.failWith ?? 500;
  const which = sim?.alwaysFail
    ? "every attempt"
    : `attempt ${request.attempt} of the first ${sim?.failFirst ?? 0}`;
  if (how === "timeout") return hangUntilAborted(request.signal, request.model);
  if (how === 429) {
    const retryAfterMs =
      sim?.retryAfterSeconds === undefined ? undefined : sim.retryAfterSeconds * 1000;
    return Promise.reject(
      new ModelError(
        "rate_limited",
        `${request.model}: simulated 429 Too Many Requests (${which})`,
        { status: 429, retryAfterMs },
      ),
    );
  }
  return Promise.reject(
    new ModelError(
      "server_error",
      `${request.model}: simulated 500 Internal Server Error (${which})`,
      { status: 500 },
    ),
  );
}

function hangUntilAborted(signal: AbortSignal, model: string): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(abortError(signal, model));
    else signal.addEventListener("abort", () => reject(abortError(signal, model)), { once: true });
  });
}
