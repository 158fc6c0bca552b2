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
      return groups.some((g) => g.provider === provider)
        ? { severity: "warning", message: `model '${id}' is not in the model list` }
        : { severity: "warning", message: `no provider '${provider}' is configured` };
    }
    return model.available ? undefined : { severity: "warning", message: `no credentials for '${id}'` };
  };
}

/** One provider's models as `catalog.models` returns them. */
export interface CatalogGroup {
  provider: string;
  label: string;
  available: boolean;
  unavailable?: string;
  models: { id: string; kind: string; price?: { inputPerMTok: number; outputPerMTok: number }; simulated: boolean; available: boolean }[];
}

/**
 * The server's model catalog in the picker's shape: simulated models first (they always work),
 * providers without listed models left out (their ids can still be typed in).
 */
export function modelGroupsFromCatalog(catalog: readonly CatalogGroup[]): ModelGroup[] {
  const groups = catalog
    .filter((g) => g.models.length > 0)
    .map((g): ModelGroup => ({
      provider: g.provider,
      label: g.available ? g.label : `${g.label} — no key`,
      models: g.models.map((m) => ({
        id: m.id,
        label: `${m.id.slice(m.id.indexOf(":") + 1)}${m.kind === "embedding" ? " (embeddings)" : ""}`,
        ...(m.price ? { inputPerMTok: m.price.inputPerMTok, outputPerMTok: m.price.outputPerMTok } : {}),
        simulated: m.simulated,
        available: m.available,
      })),
    }));
  const simulated = (g: ModelGroup) => (g.models.every((m) => m.simulated) ? 0 : 1);
  return groups.sort((a, b) => simulated(a) - simulated(b));
}
