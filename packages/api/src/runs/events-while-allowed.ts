import type { RunEvent } from "@switchyard/core";
import type { ApiServices } from "../services/api-services";
import { watchAccess, type AccessWatchOptions } from "./access-watch";

export { ACCESS_RECHECK_MS } from "./access-watch";

export interface GuardedStreamOptions extends AccessWatchOptions {
  services: Pick<ApiServices, "events" | "accessChanges">;
  runId: string;
  afterSeq: number;
}

/**
 * A run's events for as long as the reader may see them (see watchAccess); once access is lost,
 * the stream ends with its error.
 */
export async function* eventsWhileAllowed(options: GuardedStreamOptions): AsyncGenerator<RunEvent> {
  const watch = await watchAccess(options);
  try {
    for await (const event of options.services.events.stream(options.runId, options.afterSeq, watch.signal)) {
      if (watch.denied()) break;
      yield event;
    }
    const denied = watch.denied();
    if (denied) throw denied.error;
  } finally {
    watch.close();
  }
}

/**
 * The run's terminal event, waiting for it for as long as the reader may see the run; undefined
 * if the reader goes away first. Reads nothing until the run has ended (REST `?wait=true`).
 */
export async function endWhileAllowed(options: Omit<GuardedStreamOptions, "afterSeq">): Promise<RunEvent | undefined> {
  const watch = await watchAccess(options);
  try {
    const end = await options.services.events.waitForEnd(options.runId, watch.signal);
    const denied = watch.denied();
    if (denied) throw denied.error;
    return end;
  } finally {
    watch.close();
  }
}
