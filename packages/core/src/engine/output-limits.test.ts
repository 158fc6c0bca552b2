import { describe, expect, it } from "vitest";
import { eventsOf, flow, nodeEvent, run } from "../test-support/run-helpers";
import type { ModelGateway, ModelInfo, ModelRequest, ModelResult } from "../model/model-gateway";
import { conservativeTokens } from "../util/tokens";
import { DEFAULT_RUN_LIMITS } from "./run-options";

const price = { inputPerMTok: 1_000_000, outputPerMTok: 1_000_000 }; // $1 a token

/**
 * A provider that ignores max_tokens and streams `totalChars` of "word " in 1,000-character deltas,
 * stopping when its signal aborts (as fetch does). It makes each delta when asked, so what it
 * produced is what the engine let it produce.
 */
function endless(totalChars: number, info: Partial<ModelInfo> = {}) {
  const seen = { requests: [] as ModelRequest[], producedChars: 0 };
  const gateway: ModelGateway = {
    describe: () => ({ simulated: false, price, ...info }),
    async generate(request): Promise<ModelResult> {
      seen.requests.push(request);
      let text = "";
      while (text.length < totalChars) {
        await Promise.resolve();
        if (request.signal.aborted) throw new Error("aborted");
        const delta = "word ".repeat(200);
        seen.producedChars += delta.length;
        text += delta;
        request.onDelta?.(delta);
      }
      if (request.signal.aborted) throw new Error("aborted");
      return { text, usage: { input: 1, output: Math.ceil(text.length / 4) }, model: request.model, simulated: false };
    },
    embed: () => Promise.reject(new Error("no embeddings")),
  };
  return { gateway, seen };
}

const single = (data: Record<string, unknown> = {}) =>
  flow({
    nodes: [
      { id: "m", type: "model", data: { model: "t:m", prompt: "abc", ...data } },
      { id: "out", type: "output" },
    ],
    edges: [{ source: "m", target: "out" }],
  });

describe("every model call is held to a bounded output", () => {
  it("exports its defaults: 32,768 output tokens a call, 1,000,000 characters a node output", () => {
    expect(DEFAULT_RUN_LIMITS).toEqual({ maxOutputTokens: 32_768, maxOutputChars: 1_000_000 });
  });

  it("stops a 20 MB reply at the host's ceiling: keeps what came, never produces or holds more, bills what it took", async () => {
    const { gateway, seen } = endless(20_000_000);
    const { result, events } = await run(single(), { gateway, limits: { maxOutputTokens: 1000 } });
    const completed = nodeEvent(events, "node.completed", "m");
    const text = String(completed.output.text);
    expect(result.status).toBe("completed");
    expect(completed.truncated).toBe("output_limit");
    expect(text.length).toBe(3000); // 1,000 tokens of 3 bytes
    expect(text).toBe("word ".repeat(600));
    expect(seen.producedChars).toBeLessThanOrEqual(4000); // the stream stopped at the delta that filled the cap
    expect(eventsOf(events, "node.delta").reduce((n, e) => n + e.text.length, 0)).toBe(3000);
    expect(completed.usage).toEqual({ input: conservativeTokens("abc"), output: 1000 });
    expect(completed.costUsd).toBe(1001);
    // The model's maximum is unknown, so only the engine holds the call: no max_tokens is sent.
    expect(seen.requests[0]!.maxTokens).toBeUndefined();
  });

  it("holds a call to its own maxTokens (sent to the provider too), when the provider ignores it", async () => {
    const { gateway, seen } = endless(1_000_000);
    const { events } = await run(single({ maxTokens: 10 }), { gateway });
    const completed = nodeEvent(events, "node.completed", "m");
    // Told maxTokens, a provider stops itself; ours is the backstop and leaves an honest reply room (6 bytes a token).
    expect(completed).toMatchObject({ truncated: "max_tokens", usage: { output: 20 } });
    expect(String(completed.output.text)).toHaveLength(60);
    expect(seen.requests[0]!.maxTokens).toBe(10);
  });

  it("under a budget, counts a provider that ignores maxTokens strictly: the reservation is the promise", async () => {
    const { gateway } = endless(1_000_000);
    const { events } = await run(single({ maxTokens: 10 }), { gateway, budgetUsd: 1000 });
    const completed = nodeEvent(events, "node.completed", "m");
    expect(completed).toMatchObject({ truncated: "max_tokens", usage: { output: 10 } });
    expect(String(completed.output.text)).toHaveLength(30);
  });

  it("sends the model's maximum from the price table when the node sets none, capped by the host's ceiling", async () => {
    const known = endless(10, { maxOutputTokens: 16_384 });
    await run(single(), { gateway: known.gateway });
    expect(known.seen.requests[0]!.maxTokens).toBe(16_384);
    const huge = endless(10, { maxOutputTokens: 128_000 });
    await run(single({ maxTokens: 100_000 }), { gateway: huge.gateway });
    expect(huge.seen.requests[0]!.maxTokens).toBe(DEFAULT_RUN_LIMITS.maxOutputTokens);
  });

  it("caps the characters a node output keeps", async () => {
    const { gateway } = endless(5_000_000);
    const { events } = await run(single(), { gateway, limits: { maxOutputTokens: 10_000_000, maxOutputChars: 2500 } });
    const completed = nodeEvent(events, "node.completed", "m");
    expect(completed.truncated).toBe("output_limit");
    expect(String(completed.output.text)).toHaveLength(2500);
  });

  it("cuts a reply that arrives all at once, and keeps the provider's billed usage", async () => {
    const gateway: ModelGateway = {
      describe: () => ({ simulated: false, price }),
      generate: async (request) => ({ text: "x".repeat(100_000), usage: { input: 1, output: 25_000 }, model: request.model, simulated: false }),
      embed: () => Promise.reject(new Error("no embeddings")),
    };
    const { events } = await run(single(), { gateway, limits: { maxOutputTokens: 100 } });
    const completed = nodeEvent(events, "node.completed", "m");
    expect(String(completed.output.text)).toHaveLength(300);
    expect(completed).toMatchObject({ truncated: "output_limit", usage: { input: 1, output: 25_000 } });
  });

  it("reports a provider's own stop at maxTokens", async () => {
    const gateway: ModelGateway = {
      describe: () => ({ simulated: false, price }),
      generate: async (request) => ({ text: "short", usage: { input: 1, output: 2 }, model: request.model, simulated: false, truncated: true }),
      embed: () => Promise.reject(new Error("no embeddings")),
    };
    const { events } = await run(single({ maxTokens: 2 }), { gateway });
    expect(nodeEvent(events, "node.completed", "m")).toMatchObject({ truncated: "max_tokens", output: { text: "short" } });
  });

  it("keeps a surrogate pair whole where it cuts", async () => {
    const gateway: ModelGateway = {
      describe: () => ({ simulated: false, price }),
      async generate(request) {
        request.onDelta?.("ab🦘cd");
        return { text: "ab🦘cd", usage: { input: 1, output: 3 }, model: request.model, simulated: false };
      },
      embed: () => Promise.reject(new Error("no embeddings")),
    };
    const { events } = await run(single(), { gateway, limits: { maxOutputTokens: 1000, maxOutputChars: 3 } });
    expect(nodeEvent(events, "node.completed", "m")).toMatchObject({ output: { text: "ab" }, truncated: "output_limit" });
    expect(nodeEvent(events, "node.completed", "m")).not.toHaveProperty("replacedChars");
  });
});
