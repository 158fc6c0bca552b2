import type { EditorNode } from "../editor/editor-types";
import { catalogEntry } from "../catalog/node-catalog";

const CATEGORY_COLORS: Record<string, string> = {
  io: "#94a3b8",
  model: "#818cf8",
  control: "#f59e0b",
  transform: "#34d399",
  memory: "#f472b6",
};

/** Minimap colours by category, so the overview still tells models from control nodes. */
export function minimapColor(node: EditorNode): string {
  return CATEGORY_COLORS[catalogEntry(node.type ?? "")?.category ?? ""] ?? "#cbd5e1";
}
