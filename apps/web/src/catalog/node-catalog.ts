import { nodeCatalog, outputPortsOf, type NodeCatalogEntry } from "@switchyard/core";
import { isRecord } from "../util/records";

/** Palette order and headings; the catalog's categories are stable names from core. */
export const CATEGORY_LABELS: Record<NodeCatalogEntry["category"], string> = {
  io: "Inputs & outputs",
  model: "Models",
  control: "Control",
  transform: "Transform",
  memory: "Memory",
};

const CATEGORY_ORDER: NodeCatalogEntry["category"][] = ["io", "model", "control", "transform", "memory"];

const byType = new Map(nodeCatalog().map((entry) => [entry.type, entry]));

export function catalogEntry(type: string): NodeCatalogEntry | undefined {
  return byType.get(type);
}

export interface PaletteGroup {
  category: NodeCatalogEntry["category"];
  label: string;
  entries: NodeCatalogEntry[];
}

export function paletteGroups(): PaletteGroup[] {
  const catalog = nodeCatalog();
  return CATEGORY_ORDER.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    entries: catalog.filter((entry) => entry.category === category),
  })).filter((group) => group.entries.length > 0);
}

/** Named output ports of a node (gate pass/escalate, one per router route); empty for a single port. */
export function namedOutputPorts(type: string, data: unknown): string[] {
  return outputPortsOf(type, data) ?? [];
}

/** A fresh copy of the type's palette defaults, so nodes never share nested objects. */
export function defaultDataOf(type: string): Record<string, unknown> {
  const defaults = catalogEntry(type)?.defaults;
  return isRecord(defaults) ? structuredClone(defaults) : {};
}
