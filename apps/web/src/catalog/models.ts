/** A model the user can pick, as the server will list it (see ModelPicker's `models` prop). */
export interface ModelOption {
  id: string;
  label: string;
  inputPerMTok?: number;
  outputPerMTok?: number;
  simulated: boolean;
  /** False when the server has no credentials for the provider. */
  available: boolean;
}

export interface ModelGroup {
  provider: string;
  label: string;
  models: ModelOption[];
}

/** Stand-in for the server's model list until the API exists. */
export const SAMPLE_MODELS: ModelGroup[] = [
  {
    provider: "sim",
    label: "Simulated (offline, free)",
    models: [
      { id: "sim:fast", label: "Sim fast", inputPerMTok: 0.15, outputPerMTok: 0.6, simulated: true, available: true },
      { id: "sim:strong", label: "Sim strong", inputPerMTok: 3, outputPerMTok: 15, simulated: true, available: true },
      { id: "sim:embed", label: "Sim embeddings", inputPerMTok: 0.02, simulated: true, available: true },
    ],
  },
  {
    provider: "openai",
    label: "OpenAI",
    models: [
      { id: "openai:gpt-4o-mini", label: "GPT-4o mini", inputPerMTok: 0.15, outputPerMTok: 0.6, simulated: false, available: false },
      { id: "openai:gpt-4o", label: "GPT-4o", inputPerMTok: 2.5, outputPerMTok: 10, simulated: false, available: false },
    ],
  },
  {
    provider: "anthropic",
    label: "Anthropic",
    models: [
      { id: "anthropic:claude-3-5-haiku-latest", label: "Claude 3.5 Haiku", inputPerMTok: 0.8, outputPerMTok: 4, simulated: false, available: false },
      { id: "anthropic:claude-sonnet-4-0", label: "Claude Sonnet 4", inputPerMTok: 3, outputPerMTok: 15, simulated: false, available: false },
    ],
  },
];

export function findModel(groups: readonly ModelGroup[], id: string): ModelOption | undefined {
  for (const group of groups) {
    const found = group.models.find((m) => m.id === id);
    if (found) return found;
  }
  return undefined;
}

/** Adapts a model list to core's `validateFlow({ checkModel })`, so unknown or keyless models warn on the canvas. */
export function modelChecker(groups: readonly ModelGroup[]) {
  return (id: string): { severity: "warning"; message: string } | undefined => {
    if (id.startsWith("sim:")) return undefined;
    const model = findModel(groups, id);
    if (!model) {
      const provider = id.split(":")[0] ?? "";
      return groups.some((g) => g.provider === provider) ? { severity: "warning", message: `model '${id}' is not in the model list` } : { severity: "warning", message: `no provider '${provider}' is configured` };
    }
    return model.available ? undefined : { severity: "warning", message: `no credentials for '${id}'` };
  };
}
