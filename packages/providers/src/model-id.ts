/** A model id split at its first colon: `openrouter:meta-llama/llama-3.1-8b` → provider + name. */
export interface ModelId {
  provider: string;
  name: string;
}

/** Splits `provider:model`; undefined when there is no provider prefix or no model name. */
export function parseModelId(model: string): ModelId | undefined {
  const colon = model.indexOf(":");
  if (colon <= 0 || colon === model.length - 1) return undefined;
  return { provider: model.slice(0, colon), name: model.slice(colon + 1) };
}
