import type { ServerResponse } from "node:http";
import { isTerminalEvent, type RunEvent } from "@switchyard/core";

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/** What a stream that fails after it started says in its last frame. */
export interface StreamError {
  code: string;
  message: string;
}

/**
 * Writes run events as Server-Sent Events (`id` = seq, so EventSource resumes with Last-Event-ID).
 * A stream that fails once started (say, the reader lost access) ends with one `stream.error`
 * frame carrying `{ error: { code, message } }`.
 */
export async function writeSse(res: ServerResponse, events: AsyncIterable<RunEvent>, signal: AbortSignal, describe: (error: unknown) => StreamError): Promise<void> {
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
  } catch (error) {
    if (!signal.aborted) res.write(`event: stream.error\ndata: ${JSON.stringify({ error: describe(error) })}\n\n`);
  } finally {
    clearInterval(heartbeat);
    res.end();
  }
}
