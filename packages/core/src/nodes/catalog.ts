import { z } from "zod";
import { nodeRegistry } from "./registry";
import type { InputArity, NodeDefinition } from "./node-types";

/** What a UI needs to offer a node type: palette entry, ports, form schema, defaults. */
export interface NodeCatalogEntry {
  type: string;
  label: string;
  description: string;
  category: NodeDefinition["category"];
  inputs: InputArity;
  /** Fixed output ports (gate); undefined for a single port; routers derive ports from their routes. */
  outputPorts?: string[];
  dynamicPorts: boolean;
  fields: readonly string[];
  canFail: boolean;
  /** JSON Schema of `data`, for forms generated from the schema. */
  dataSchema: unknown;
  defaults: unknown;
}

let cached: NodeCatalogEntry[] | undefined;

/** The node catalog, derived from the registry (so the UI never drifts from the engine). */
export function nodeCatalog(): NodeCatalogEntry[] {
  cached ??= Object.values(nodeRegistry).map((definition: NodeDefinition) => {
    const parsedDefaults = definition.data.parse(definition.defaults);
    const ports = definition.outputPorts?.(parsedDefaults as never);
    return {
      type: definition.type,
      label: definition.label,
      description: definition.description,
      category: definition.category,
      inputs: definition.inputs,
      dynamicPorts: definition.type === "router",
      ...(ports && definition.type !== "router" ? { outputPorts: ports } : {}),
      fields: definition.fields,
      canFail: definition.canFail,
      dataSchema: z.toJSONSchema(definition.data, { io: "input", unrepresentable: "any" }),
      defaults: definition.defaults,
    };
  });
  return cached;
}

/** Output ports of a node given its data (router routes, gate pass/escalate), or undefined for one port. */
export function outputPortsOf(type: string, data: unknown): string[] | undefined {
  const definition = (nodeRegistry as Record<string, NodeDefinition>)[type];
  if (!definition?.outputPorts) return undefined;
  const parsed = definition.data.safeParse(data ?? {});
  return parsed.success ? definition.outputPorts(parsed.data as never) : [];
}
