import { describe, expect, it } from "vitest";
import { createModelGateway } from "../gateway";
import { failure, instant, simRequest as request } from "../../test/helpers";

const gateway = createModelGateway({});

describe("sim provider: replies, prices and embeddings", () => {
  it("is deterministic: same seed, same text, usage and logprobs", async () => {
    const a = await gateway.generate(request({ logprobs: true }));
    const b = await gateway.generate(request({ logprobs: true }));
    expect(b).toEqual(a);
    expect(a.simulated).toBe(true);
    expect(a.model).toBe("sim:fast");
    expect(a.tokenLogprobs).toHaveLength(a.usage.output);
    const other = await gateway.generate(request({ seed: "run-2/node-a/1" }));
    expect(other.text).not.toBe(a.text);
  });

  it("makes the default reply obviously simulated and counts tokens", async () => {
    const result = await gateway.generate(request({ system: "Be brief." }));
    expect(result.text).toMatch(/^\[simulated sim:fast\] .*capital of Australia/);
    expect(result.usage.input).toBe(
      Math.ceil(("Be brief." + "What is the capital of Australia?").length / 4),
    );
    expect(result.usage.output).toBeGreaterThan(10);
    expect(result.costUsd).toBeCloseTo(
      (result.usage.input * 0.15 + result.usage.output * 0.6) / 1e6,
      12,
    );
  });

  it("stops at maxTokens like a real provider, one chunk a token, and says so", async () => {
    const sim = { ...instant, reply: "one two three four five" };
    const held = await gateway.generate(request({ sim, maxTokens: 3 }));
    expect(held).toMatchObject({ text: "one two three", usage: { output: 3 }, truncated: true });
    const roomy = await gateway.generate(request({ sim, maxTokens: 5 }));
    expect(roomy).toMatchObject({ text: "one two three four five", usage: { output: 5 } });
    expect(roomy).not.toHaveProperty("truncated");
  });

  it("picks from a reply list by seed, covering the list", async () => {
    const reply = ["Canberra.", "Sydney?", "Melbourne!"];
    const texts = new Set<string>();
    for (let i = 0; i < 60; i++)
      texts.add(
        (await gateway.generate(request({ seed: `s${i}`, sim: { ...instant, reply } }))).text,
      );
    expect([...texts].sort()).toEqual([...reply].sort());
    const once = await gateway.generate(request({ seed: "fixed", sim: { ...instant, reply } }));
    expect(
      (await gateway.generate(request({ seed: "fixed", sim: { ...instant, reply } }))).text,
    ).toBe(once.text);
  });

  it("appends a Confidence line only when the reply has none", async () => {
    const appended = await gateway.generate(
      request({ sim: { ...instant, reply: "Canberra.", confidence: 0.92 } }),
    );
    expect(appended.text).toBe("Canberra.\nConfidence: 92%");
    const kept = await gateway.generate(
      request({ sim: { ...instant, reply: "Canberra. Confidence: 40%", confidence: 0.92 } }),
    );
    expect(kept.text).toBe("Canberra. Confidence: 40%");
  });

  it("shapes logprobs so the 10th percentile is the configured confidence", async () => {
    const result = await gateway.generate(
      request({ logprobs: true, sim: { ...instant, confidence: 0.55 } }),
    );
    const probabilities = (result.tokenLogprobs ?? []).map(Math.exp).sort((a, b) => a - b);
    expect(probabilities[Math.floor(0.1 * probabilities.length)]).toBeCloseTo(0.55, 6);
  });

  it("prices presets, node overrides and config overrides", () => {
    expect(gateway.describe("sim:fast")).toEqual({
      price: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      simulated: true,
    });
    expect(gateway.describe("sim:strong").price).toEqual({ inputPerMTok: 3, outputPerMTok: 15 });
    expect(gateway.describe("sim:fast", { pricePerMTok: { input: 1, output: 2 } }).price).toEqual({
      inputPerMTok: 1,
      outputPerMTok: 2,
    });
    const overridden = createModelGateway({
      priceOverrides: { "sim:strong": { inputPerMTok: 5, outputPerMTok: 25 } },
    });
    expect(overridden.describe("sim:strong").price).toEqual({ inputPerMTok: 5, outputPerMTok: 25 });
  });

  it("reports unknown sim models and wrong kinds of calls", async () => {
    expect(gateway.describe("sim:huge")).toEqual({
      simulated: true,
      unavailable: "unknown simulated model 'sim:huge'; known: sim:fast, sim:strong, sim:embed",
      unavailableReason: "unknown-model",
    });
    expect((await failure(gateway.generate(request({ model: "sim:huge" })))).code).toBe(
      "bad_request",
    );
    expect((await failure(gateway.generate(request({ model: "sim:embed" })))).code).toBe(
      "bad_request",
    );
    const signal = new AbortController().signal;
    expect((await failure(gateway.embed({ model: "sim:fast", texts: ["x"], signal }))).code).toBe(
      "bad_request",
    );
  });

  it("embeds offline with sim:embed", async () => {
    const result = await gateway.embed({
      model: "sim:embed",
      texts: ["refund my order", "refund for order", "reset password"],
      signal: new AbortController().signal,
    });
    expect(result.simulated).toBe(true);
    expect(result.vectors).toHaveLength(3);
    expect(result.usage.input).toBeGreaterThan(0);
  });
});
