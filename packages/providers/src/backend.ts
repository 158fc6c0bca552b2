import type {
  EmbedRequest,
  EmbedResult,
  ModelInfo,
  ModelPrice,
  ModelRequest,
  ModelResult,
  SimOptions,
} from "@switchyard/core";
import { ModelError } from "@switchyard/core";
import type { ModelId } from "./model-id";
import { maxOutputOf } from "./pricing";

/** One provider prefix behind the gateway (`openai`, `sim`, `ollama`, …). */
export interface ProviderBackend {
  /** Why no model of this provider can be called (e.g. "needs an OpenAI API key (…)"), if so. */
  readonly problem?: string;
  describe(id: ModelId, model: string, sim?: SimOptions): ModelInfo;
  generate(id: ModelId, request: ModelRequest): Promise<ModelResult>;
  embed(id: ModelId, request: EmbedRequest): Promise<EmbedResult>;
}

/** The "needs a key" problem; prefixed with the model id it is the one-line UI message. */
export function missingKey(label: string, envVar: string): string {
  const article = /^[aeiou]/i.test(label) ? "an" : "a";
  return `needs ${article} ${label} API key (set ${envVar} or add it in Settings)`;
}

/** What every real provider's describe() reports: the listed price and output limit, and any missing key. */
export function describeHosted(
  model: string,
  price: ModelPrice | undefined,
  problem: string | undefined,
): ModelInfo {
  const unavailable = problem
    ? { unavailable: `${model} ${problem}`, unavailableReason: "missing-key" as const }
    : {};
  const maxOutputTokens = maxOutputOf(model);
  return {
    price,
    simulated: false,
    ...(maxOutputTokens ? { maxOutputTokens } : {}),
    ...unavailable,
  };
}

/** Returns the configured client, or throws the `auth` error describe() would have reported. */
export function requireClient<T>(
  client: T | undefined,
  model: string,
  problem: string | undefined,
): T {
  if (client === undefined)
    throw new ModelError("auth", `${model} ${problem ?? "is not configured"}`);
  return client;
}

/**
 * One SDK model object per model name, made on first use: making one builds the provider's
 * response schemas (zod), which cost more than the rest of a call's own work.
 */
export function modelCache<T>(limit = 200): (name: string, make: () => T) => T {
  const made = new Map<string, T>();
  return (name, make) => {
    let model = made.get(name);
    if (model === undefined) {
      if (made.size >= limit) made.delete(made.keys().next().value!);
      model = make();
      made.set(name, model);
    }
    return model;
  };
}
