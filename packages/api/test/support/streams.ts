import { expect } from "vitest";

export interface Reading {
  seen: unknown[];
  /** Settles when the stream ends: with the time it ended and its error, if any. */
  ended: Promise<{ at: number; error?: unknown }>;
}

/** Starts reading a stream (a subscription's events) in the background. */
export function read(stream: AsyncIterable<unknown>): Reading {
  const seen: unknown[] = [];
  const ended = (async () => {
    try {
      for await (const item of stream) seen.push(item);
      return { at: Date.now() };
    } catch (error) {
      return { at: Date.now(), error };
    }
  })();
  return { seen, ended };
}

/** Waits up to ~2 s for `condition`, then asserts it. */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
