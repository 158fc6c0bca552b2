import type { ServerResponse } from "node:http";
import { isTerminalEvent, type RunEvent } from "@switchyard/core";

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/** Writes run events as Server-Sent Events (`id` = seq, so EventSource resumes with Last-Event-ID). */
export async function writeSse(res: ServerResponse, events: AsyncIterable<RunEvent>, signal: AbortSignal): Promise<void> {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  res.flushHeaders();
  const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
  try {
    for await (const event of events) {
      if (signal.aborted) break;
      res.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      if (isTerminalEvent(event)) break;
    }
  } finally {
    clearInterval(heartbeat);
    res.end();
  }
}
