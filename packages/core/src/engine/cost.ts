import type { ModelPrice, TokenUsage } from "../model/model-gateway";

export const ZERO_USAGE: TokenUsage = Object.freeze({ input: 0, output: 0 });

/** USD cost of a call at a price per million tokens; unknown prices cost 0 (flagged elsewhere). */
export function costOf(usage: TokenUsage, price: ModelPrice | undefined): number {
  if (!price) return 0;
  return (usage.input * price.inputPerMTok + usage.output * price.outputPerMTok) / 1_000_000;
}

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return { input: a.input + b.input, output: a.output + b.output };
}
