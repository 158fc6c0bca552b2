import type { ModelPrice } from "@switchyard/core";

/** A list price with where and when it was read, so a stale number can be checked and fixed. */
export interface PriceEntry extends ModelPrice {
  kind: "chat" | "embedding";
  /** The provider's public pricing page. */
  source: string;
  /** When the price was read (ISO date, month precision). */
  asOf: string;
  /** Caveats the single number hides (tiers, long-context surcharges). */
  note?: string;
}

/**
 * When the table's prices were read. They come from the author's knowledge of the providers'
 * pricing pages as of this month (this machine has no internet to re-read them): check the
 * `source` pages and override through `GatewayConfig.priceOverrides` when they change.
 */
export const PRICES_AS_OF = "2025-10";

const OPENAI = "https://platform.openai.com/docs/pricing";
const ANTHROPIC = "https://docs.claude.com/en/docs/about-claude/pricing";
const GOOGLE = "https://ai.google.dev/gemini-api/docs/pricing";

function chat(
  inputPerMTok: number,
  outputPerMTok: number,
  source: string,
  note?: string,
): PriceEntry {
  return {
    kind: "chat",
    inputPerMTok,
    outputPerMTok,
    source,
    asOf: PRICES_AS_OF,
    ...(note ? { note } : {}),
  };
}
function embedding(inputPerMTok: number, source: string): PriceEntry {
  return { kind: "embedding", inputPerMTok, outputPerMTok: 0, source, asOf: PRICES_AS_OF };
}

/** Standard (non-batch, uncached) prices in USD per million tokens, keyed by full model id. */
export const PRICE_TABLE: Readonly<Record<string, PriceEntry>> = {
  "openai:gpt-5": chat(1.25, 10, OPENAI),
  "openai:gpt-5-mini": chat(0.25, 2, OPENAI),
  "openai:gpt-5-nano": chat(0.05, 0.4, OPENAI),
  "openai:gpt-4.1": chat(2, 8, OPENAI),
  "openai:gpt-4.1-mini": chat(0.4, 1.6, OPENAI),
  "openai:gpt-4.1-nano": chat(0.1, 0.4, OPENAI),
  "openai:gpt-4o": chat(2.5, 10, OPENAI),
  "openai:gpt-4o-mini": chat(0.15, 0.6, OPENAI),
  "openai:o4-mini": chat(1.1, 4.4, OPENAI),
  "openai:text-embedding-3-small": embedding(0.02, OPENAI),
  "openai:text-embedding-3-large": embedding(0.13, OPENAI),
  "anthropic:claude-opus-4-1": chat(15, 75, ANTHROPIC),
  "anthropic:claude-sonnet-4-5": chat(
    3,
    15,
    ANTHROPIC,
    "prompts over 200k tokens cost $6 / $22.50",
  ),
  "anthropic:claude-haiku-4-5": chat(1, 5, ANTHROPIC),
  "anthropic:claude-3-5-haiku": chat(0.8, 4, ANTHROPIC),
  "google:gemini-2.5-pro": chat(1.25, 10, GOOGLE, "prompts over 200k tokens cost $2.50 / $15"),
  "google:gemini-2.5-flash": chat(
    0.3,
    2.5,
    GOOGLE,
    "text/image/video input; audio input costs more",
  ),
  "google:gemini-2.5-flash-lite": chat(
    0.1,
    0.4,
    GOOGLE,
    "text/image/video input; audio input costs more",
  ),
  "google:gemini-embedding-001": embedding(0.15, GOOGLE),
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
