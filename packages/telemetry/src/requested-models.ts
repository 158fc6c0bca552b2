import type { CompiledFlow } from "@switchyard/core";

/** The model each node of a flow asks for (a model node's `model`), for `gen_ai.request.model`. */
export function requestedModels(flow: CompiledFlow): Record<string, string> {
  const models: Record<string, string> = {};
  for (const node of flow.nodes) {
    const model = (node.data as { model?: unknown } | undefined)?.model;
    if (typeof model === "string") models[node.id] = model;
  }
  return models;
}
