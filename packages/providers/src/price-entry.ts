import type { ModelPrice } from "@switchyard/core";

/** A list price as the generated table holds it (USD per million tokens). */
export interface GeneratedPrice extends ModelPrice {
  kind: "chat" | "embedding";
  /** The most output tokens one call may produce: the worst case a budget reserves. */
  maxOutputTokens?: number;
  /** Caveats the single number hides (tiers, long-context surcharges). */
  note?: string;
}

/** A list price with where and when it was read, so a stale number can be checked and fixed. */
export interface PriceEntry extends GeneratedPrice {
  /** Where the price comes from (a price list or the provider's pricing page). */
  source: string;
  /** When it was read (ISO date). */
  asOf: string;
}
