import { flowDocumentSchema, type FlowDocument } from "@switchyard/core";

/** A starting flow from the repository's examples/ folder. */
export interface FlowTemplate {
  /** File name without extension, e.g. `cascade`. */
  key: string;
  document: FlowDocument;
}

const files = import.meta.glob<unknown>("../../../../examples/*.json", { eager: true, import: "default" });

/** The bundled examples, parsed once; a file that doesn't parse is left out rather than breaking the page. */
export const FLOW_TEMPLATES: FlowTemplate[] = Object.entries(files)
  .flatMap(([path, raw]) => {
    const parsed = flowDocumentSchema.safeParse(raw);
    const key = /([^/]+)\.json$/.exec(path)?.[1] ?? path;
    return parsed.success ? [{ key, document: parsed.data }] : [];
  })
  .sort((a, b) => a.key.localeCompare(b.key));

export function templateByKey(key: string): FlowDocument | undefined {
  const found = FLOW_TEMPLATES.find((t) => t.key === key)?.document;
  return found ? structuredClone(found) : undefined;
}
