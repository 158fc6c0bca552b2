import type { ModelPrice } from "@switchyard/core";
import type { GatewayConfig } from "./config";
import { gatewayParts } from "./gateway";
import { parseModelId } from "./model-id";
import { PRICE_TABLE } from "./pricing";
import { SIM_PRESETS } from "./sim/presets";

/** One pickable model in the UI's model picker. */
export interface CatalogModel {
  id: string;
  kind: "chat" | "embedding";
  /** Undefined when unknown; cost then counts as 0 and is flagged. */
  price?: ModelPrice;
  /** Where the price comes from: a pricing page URL, "override" or "simulated". */
  priceSource?: string;
  simulated: boolean;
  /** Callable right now (its key is configured). */
  available: boolean;
}

/** The models of one provider prefix. Compatible endpoints list none unless priced in config. */
export interface CatalogGroup {
  provider: string;
  label: string;
  available: boolean;
  /** Why the group's models cannot be called (missing key), when they cannot. */
  unavailable?: string;
  models: CatalogModel[];
}

const NATIVE_LABELS: Record<string, string> = {
  sim: "Simulated (offline, free)",
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google Gemini",
};

/** Every known model grouped by provider, with price and availability, for a model picker. */
export function modelCatalog(config: GatewayConfig = {}): CatalogGroup[] {
  const { backends, endpoints } = gatewayParts(config);
  const overrides = config.priceOverrides ?? {};
  const ids = new Set<string>([
    ...[...SIM_PRESETS.keys()].map((name) => `sim:${name}`),
    ...Object.keys(PRICE_TABLE),
    ...Object.keys(overrides),
  ]);

  const groups: CatalogGroup[] = [];
  for (const [provider, backend] of backends) {
    const models: CatalogModel[] = [];
    for (const id of ids) {
      const parsed = parseModelId(id);
      if (parsed?.provider !== provider) continue;
      const info = backend.describe(parsed, id);
      const simPreset = provider === "sim" ? SIM_PRESETS.get(parsed.name) : undefined;
      const kind =
        simPreset?.kind ??
        PRICE_TABLE[id]?.kind ??
        (/embed/i.test(parsed.name) ? "embedding" : "chat");
      const priceSource = overrides[id]
        ? "override"
        : simPreset
          ? "simulated"
          : PRICE_TABLE[id]?.source;
      models.push({
        id,
        kind,
        ...(info.price ? { price: info.price } : {}),
        ...(priceSource ? { priceSource } : {}),
        simulated: info.simulated,
        available: info.unavailable === undefined,
      });
    }
    groups.push({
      provider,
      label: NATIVE_LABELS[provider] ?? endpoints.get(provider)?.label ?? provider,
      available: backend.problem === undefined,
      ...(backend.problem ? { unavailable: backend.problem } : {}),
      models,
    });
  }
  return groups;
}
