import { describe, expect, it } from "vitest";
import { createModelGateway } from "./gateway";
import { PRICE_SOURCE } from "./generated/price-table";
import { PRICE_TABLE, PRICES_AS_OF, listedPrice, maxOutputOf, priceOf } from "./pricing";

describe("pricing table", () => {
  it("gives every entry a source URL and the date it was read", () => {
    expect(PRICES_AS_OF).toBe("2026-07-24");
    expect(PRICE_SOURCE.name).toMatch(/^LiteLLM/);
    for (const [model, entry] of Object.entries(PRICE_TABLE)) {
      expect(model).toMatch(/^(openai|anthropic|google):/);
      expect(entry.source).toMatch(/^https:\/\//);
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(entry.inputPerMTok).toBeGreaterThanOrEqual(0);
      expect(entry.outputPerMTok).toBeGreaterThanOrEqual(0);
      if (entry.kind === "chat") expect(entry.maxOutputTokens, model).toBeGreaterThan(0);
    }
  });

  it("holds the list's real prices and output limits", () => {
    expect(PRICE_TABLE["openai:gpt-4o-mini"]).toMatchObject({
      inputPerMTok: 0.15,
      outputPerMTok: 0.6,
      maxOutputTokens: 16384,
      asOf: "2026-07-24",
    });
    expect(PRICE_TABLE["anthropic:claude-sonnet-4-5"]).toMatchObject({
      inputPerMTok: 3,
      outputPerMTok: 15,
      maxOutputTokens: 64000,
      note: "prompts over 200k tokens cost $6 / $22.5",
    });
    expect(PRICE_TABLE["google:gemini-2.5-flash"]).toMatchObject({
      inputPerMTok: 0.3,
      outputPerMTok: 2.5,
      maxOutputTokens: 65535,
    });
    expect(PRICE_TABLE["google:gemini-embedding-001"]).toMatchObject({
      kind: "embedding",
      inputPerMTok: 0.15,
    });
    expect(maxOutputOf("openai:gpt-4o-2024-08-06")).toBe(16384);
    expect(maxOutputOf("openai:gpt-9")).toBeUndefined();
    // A snapshot priced unlike its base keeps its own entry.
    expect(PRICE_TABLE["openai:gpt-4o-2024-05-13"]).toMatchObject({
      inputPerMTok: 5,
      outputPerMTok: 15,
    });
  });

  it("covers the models the product offers", () => {
    const required = [
      "openai:gpt-4o",
      "openai:gpt-4o-mini",
      "openai:gpt-4.1",
      "openai:gpt-4.1-mini",
      "openai:gpt-4.1-nano",
      "openai:o4-mini",
      "openai:gpt-5",
      "openai:gpt-5-mini",
      "openai:text-embedding-3-small",
      "openai:text-embedding-3-large",
      "anthropic:claude-opus-4-1",
      "anthropic:claude-sonnet-4-5",
      "anthropic:claude-haiku-4-5",
      "anthropic:claude-3-5-haiku",
      "google:gemini-2.5-pro",
      "google:gemini-2.5-flash",
      "google:gemini-2.5-flash-lite",
    ];
    for (const model of required) expect(PRICE_TABLE[model], model).toBeDefined();
  });

  it("prices dated snapshots like their base model, but not different models", () => {
    expect(listedPrice("openai:gpt-4o-2024-08-06")).toBe(PRICE_TABLE["openai:gpt-4o"]);
    expect(listedPrice("anthropic:claude-sonnet-4-5-20250929")).toBe(
      PRICE_TABLE["anthropic:claude-sonnet-4-5"],
    );
    expect(listedPrice("openai:gpt-5-pro")).toBeUndefined();
  });

  it("lets overrides win and leaves unknown models unpriced", () => {
    const overrides = {
      "openai:gpt-4o": { inputPerMTok: 1, outputPerMTok: 2 },
      "ollama:llama3.1": { inputPerMTok: 0, outputPerMTok: 0 },
    };
    expect(priceOf("openai:gpt-4o", overrides)).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(priceOf("openai:gpt-4o", undefined)).toEqual({ inputPerMTok: 2.5, outputPerMTok: 10 });
    expect(priceOf("ollama:llama3.1", overrides)).toEqual({ inputPerMTok: 0, outputPerMTok: 0 });
    expect(priceOf("openai:gpt-9", overrides)).toBeUndefined();
  });

  it("reaches describe(): an unknown model of a known provider is callable but unpriced", () => {
    const gateway = createModelGateway({
      openaiApiKey: "sk-test",
      priceOverrides: { "openai:gpt-4o": { inputPerMTok: 1, outputPerMTok: 2 } },
    });
    expect(gateway.describe("openai:gpt-4o")).toEqual({
      price: { inputPerMTok: 1, outputPerMTok: 2 },
      maxOutputTokens: 16384,
      simulated: false,
    });
    expect(gateway.describe("openai:gpt-9-preview")).toEqual({
      price: undefined,
      simulated: false,
    });
  });
});
