import { stringifyValue } from "@switchyard/core";
import { recordOr } from "../util/records";

/** A one-glyph icon per node type (common Unicode blocks, so system fonts have them); no icon set to bundle. */
const ICONS: Record<string, string> = {
  input: "⇥",
  output: "⇤",
  model: "✦",
  vote: "⚖",
  gate: "◇",
  router: "⋔",
  template: "❴❵",
  summarize: "≡",
  extract: "⊡",
  memory: "◷",
  subflow: "⊞",
  constant: "■",
};

export function nodeIcon(type: string): string {
  return ICONS[type] ?? "?";
}

/** The most telling piece of a node's data, shown under its header. */
export function nodeSummary(type: string, data: Record<string, unknown>): string {
  const str = (key: string) => {
    const value = data[key];
    return typeof value === "string" ? value : undefined;
  };
  switch (type) {
    case "input":
    case "output":
      return str("name") ? `name: ${str("name")}` : "";
    case "model":
      return str("prompt") ?? "";
    case "template":
      return str("template") ?? "";
    case "constant":
      return stringifyValue(data.value);
    case "summarize":
      return `${str("model") ?? "no model"} · ≤ ${String(data.maxTokens ?? 500)} tokens`;
    case "extract": {
      const fields = Array.isArray(data.fields) ? data.fields : [];
      return `fields: ${fields.map((f) => stringifyValue(recordOr(f).name)).join(", ")}`;
    }
    case "memory":
      return `${str("session") ?? ""} · ${str("mode") ?? "truncate"}`;
    case "subflow":
      return str("flow") ?? "";
    default:
      return "";
  }
}

/** The model a node calls, for the header chip; undefined for nodes that call none. */
export function nodeModel(data: Record<string, unknown>): string | undefined {
  const model = data.model ?? data.judgeModel ?? data.embeddingModel;
  return typeof model === "string" ? model : undefined;
}
