import { ModelError, type ModelRequest, type SimOptions } from "@switchyard/core";
import { expect } from "vitest";

/** A chat request with collected deltas. */
export function chat(
  model: string,
  overrides: Partial<ModelRequest> = {},
): ModelRequest & { deltas: string[] } {
  const deltas: string[] = [];
  return {
    model,
    prompt: "What is the capital of Australia?",
    seed: "s",
    attempt: 1,
    signal: new AbortController().signal,
    onDelta: (d) => deltas.push(d),
    deltas,
    ...overrides,
  };
}

/** Awaits a call that must fail and returns its ModelError. */
export async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Fails the test if the key shows up anywhere a person or a log could see it. */
export function expectNoKey(error: ModelError, key: string): void {
  expect(error.message).not.toContain(key);
  expect(String(error.stack)).not.toContain(key);
  expect(JSON.stringify({ ...error, message: error.message })).not.toContain(key);
  expect(String(error.cause ?? "")).not.toContain(key);
}

/** Sim options that answer through microtasks only. */
export const instant: SimOptions = { latencyMs: 0, tokensPerSecond: 0 };

/** A `sim:fast` request with no latency, overridable per test. */
export function simRequest(overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    model: "sim:fast",
    prompt: "What is the capital of Australia?",
    seed: "run-1/node-a/1",
    attempt: 1,
    signal: new AbortController().signal,
    sim: instant,
    ...overrides,
  };
}
