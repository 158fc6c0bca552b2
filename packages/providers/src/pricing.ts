import type { ModelPrice } from "@switchyard/core";
import { GENERATED_PRICES, PRICE_SOURCE } from "./generated/price-table";
import type { PriceEntry } from "./price-entry";

export type { PriceEntry } from "./price-entry";

/**
 * When the table's prices were read: the date of the LiteLLM price list that
 * `scripts/generate-price-table.mjs` turned into `generated/price-table.ts`. Re-run it on a newer
 * list; override single prices through `GatewayConfig.priceOverrides`.
 */
export const PRICES_AS_OF = PRICE_SOURCE.asOf;

/**
 * Models we offer that the price list lacks, with the pricing page they were read from. An entry
 * here loses to the generated one as soon as the list carries the model.
 */
const SUPPLEMENT: Readonly<Record<string, PriceEntry>> = {
  "openai:text-embedding-3-small": embedding(0.02, "https://platform.openai.com/docs/pricing"),
  "openai:text-embedding-3-large": embedding(0.13, "https://platform.openai.com/docs/pricing"),
  "anthropic:claude-3-5-haiku": {
    kind: "chat",
    inputPerMTok: 0.8,
    outputPerMTok: 4,
    maxOutputTokens: 8192,
    source: "https://docs.claude.com/en/docs/about-claude/pricing",
    asOf: "2025-10",
  },
};

function embedding(inputPerMTok: number, source: string): PriceEntry {
  return { kind: "embedding", inputPerMTok, outputPerMTok: 0, source, asOf: "2025-10" };
}

/** Standard (non-batch, uncached) prices in USD per million tokens, keyed by full model id. */
export const PRICE_TABLE: Readonly<Record<string, PriceEntry>> = {
  ...SUPPLEMENT,
  ...Object.fromEntries(
    Object.entries(GENERATED_PRICES).map(([model, price]) => [
      model,
      { ...price, source: PRICE_SOURCE.url, asOf: PRICE_SOURCE.asOf },
    ]),
  ),
};

// Dated snapshots and aliases cost what their base model costs: gpt-4o-2024-08-06, claude-…-20250929.
const SNAPSHOT_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|latest)$/;

/** The table entry for a model id, also for dated snapshots of a listed model. */
export function listedPrice(model: string): PriceEntry | undefined {
  return PRICE_TABLE[model] ?? PRICE_TABLE[model.replace(SNAPSHOT_SUFFIX, "")];
}

/** The price the gateway reports: a configured override, else the table, else unknown. */
export function priceOf(
  model: string,
  overrides: Record<string, ModelPrice> | undefined,
): ModelPrice | undefined {
  const override = overrides?.[model];
  if (override)
    return { inputPerMTok: override.inputPerMTok, outputPerMTok: override.outputPerMTok };
  const entry = listedPrice(model);
  return entry
    ? { inputPerMTok: entry.inputPerMTok, outputPerMTok: entry.outputPerMTok }
    : undefined;
}

/** The most output tokens one call of the model may produce, from the table (undefined when unknown). */
export function maxOutputOf(model: string): number | undefined {
  return listedPrice(model)?.maxOutputTokens;
}
