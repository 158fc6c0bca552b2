import type { ModelError } from "@switchyard/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createModelGateway } from "../gateway";
import { instant, simRequest as request } from "../../test/helpers";

const gateway = createModelGateway({});

afterEach(() => vi.restoreAllMocks());

describe("sim provider: streaming and timers", () => {
  it("streams word-sized deltas paced after the latency, concatenating to the text", async () => {
    const deltas: string[] = [];
    const started = performance.now();
    const result = await gateway.generate(
      request({
        onDelta: (d) => deltas.push(d),
        sim: { reply: "one two three four five", latencyMs: 40, tokensPerSecond: 100 },
      }),
    );
    const elapsed = performance.now() - started;
    expect(deltas).toEqual(["one", " two", " three", " four", " five"]);
    expect(deltas.join("")).toBe(result.text);
    expect(result.usage.output).toBe(5);
    expect(elapsed).toBeGreaterThanOrEqual(40 + 4 * 10 - 2);
  });

  it("sends the whole reply in one delta when tokensPerSecond is 0", async () => {
    const deltas: string[] = [];
    await gateway.generate(
      request({
        onDelta: (d) => deltas.push(d),
        sim: { reply: "all at once.", latencyMs: 5, tokensPerSecond: 0 },
      }),
    );
    expect(deltas).toEqual(["all at once."]);
  });

  it("uses at most one timer per chunk", async () => {
    const setSpy = vi.spyOn(globalThis, "setTimeout");
    await gateway.generate(
      request({ sim: { reply: "a b c d e f g h", latencyMs: 1, tokensPerSecond: 2000 } }),
    );
    const timers = setSpy.mock.calls.length;
    vi.restoreAllMocks();
    expect(timers).toBeGreaterThan(0);
    expect(timers).toBeLessThanOrEqual(8 + 1);
  });

  it("clears its pending timer when the signal aborts mid-stream", async () => {
    const setSpy = vi.spyOn(globalThis, "setTimeout");
    const clearSpy = vi.spyOn(globalThis, "clearTimeout");
    const controller = new AbortController();
    const deltas: string[] = [];
    const onDelta = (delta: string) => {
      deltas.push(delta);
      if (deltas.length === 2) queueMicrotask(() => controller.abort()); // between two timer ticks
    };
    const outcome = await gateway
      .generate(
        request({
          signal: controller.signal,
          onDelta,
          sim: { reply: "a b c d e f", latencyMs: 0, tokensPerSecond: 50 },
        }),
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    const pending: unknown = setSpy.mock.results.at(-1)?.value;
    const cleared = clearSpy.mock.calls.some(([handle]) => handle === pending);
    vi.restoreAllMocks();
    expect((outcome as ModelError).code).toBe("cancelled");
    expect(cleared).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deltas).toEqual(["a", " b"]);
  });

  it("takes the zero-latency path without any timer", async () => {
    const setSpy = vi.spyOn(globalThis, "setTimeout");
    for (let i = 0; i < 10_000; i++)
      await gateway.generate(
        request({ seed: `bench-${i}`, sim: { ...instant, reply: ["yes", "no"] } }),
      );
    const timers = setSpy.mock.calls.length;
    vi.restoreAllMocks();
    expect(timers).toBe(0); // its speed is measured by `pnpm bench`, not here
  });
});
