import type { ModelPrice, SimOptions } from "@switchyard/core";

/** A built-in `sim:*` model: its defaults, which a node's `sim` options override. */
export interface SimPreset {
  kind: "chat" | "embedding";
  latencyMs: number;
  tokensPerSecond: number;
  price: ModelPrice;
  description: string;
}

/** `sim:fast` is priced like a small model and `sim:strong` like a frontier one, so cascades show savings. */
export const SIM_PRESETS: ReadonlyMap<string, SimPreset> = new Map<string, SimPreset>([
  [
    "fast",
    {
      kind: "chat",
      latencyMs: 250,
      tokensPerSecond: 150,
      price: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      description: "simulated cheap, fast model",
    },
  ],
  [
    "strong",
    {
      kind: "chat",
      latencyMs: 900,
      tokensPerSecond: 60,
      price: { inputPerMTok: 3, outputPerMTok: 15 },
      description: "simulated expensive, slow model",
    },
  ],
  [
    "embed",
    {
      kind: "embedding",
      latencyMs: 0,
      tokensPerSecond: 0,
      price: { inputPerMTok: 0.02, outputPerMTok: 0 },
      description: "simulated embedding model (hashed bag of words)",
    },
  ],
]);

export const SIM_MODEL_IDS: readonly string[] = [...SIM_PRESETS.keys()].map(
  (name) => `sim:${name}`,
);

export function unknownSimMessage(model: string): string {
  return `unknown simulated model '${model}'; known: ${SIM_MODEL_IDS.join(", ")}`;
}

/** Price precedence: the node's `sim.pricePerMTok`, then a configured override, then the preset. */
export function simPrice(
  model: string,
  preset: SimPreset,
  sim: SimOptions | undefined,
  overrides: Record<string, ModelPrice> | undefined,
): ModelPrice {
  if (sim?.pricePerMTok)
    return { inputPerMTok: sim.pricePerMTok.input, outputPerMTok: sim.pricePerMTok.output };
  return overrides?.[model] ?? preset.price;
}
