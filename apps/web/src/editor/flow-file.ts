import { flowDocumentSchema, migrateFlowDocument, FLOW_LIMITS, type FlowDocument } from "@switchyard/core";

export type ParsedFlowFile = { ok: true; document: FlowDocument; migratedFrom?: string } | { ok: false; message: string };

/**
 * Reads an imported file. Only the document's shape must be right; problems inside nodes (bad
 * data, dangling edges) are loaded and shown on the canvas, where they can be fixed.
 */
export function parseFlowFile(text: string): ParsedFlowFile {
  if (text.length > FLOW_LIMITS.documentBytes) return { ok: false, message: `the file is larger than ${FLOW_LIMITS.documentBytes / 1_000_000} MB` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON: ${(error as Error).message}` };
  }
  return parseFlowValue(raw);
}

/** A flow document already parsed from JSON (a saved version from the API, a template). */
export function parseFlowValue(raw: unknown): ParsedFlowFile {
  const migrated = migrateFlowDocument(raw);
  if (!migrated.ok) return migrated;
  const parsed = flowDocumentSchema.safeParse(migrated.document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `not a valid flow: ${issue ? `${issue.path.join(".") || "document"}: ${issue.message}` : "unknown problem"}` };
  }
  return { ok: true, document: parsed.data, ...(migrated.migratedFrom ? { migratedFrom: migrated.migratedFrom } : {}) };
}

export function serializeFlow(doc: FlowDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** What "unsaved changes" compares: the document as it would be saved, as text. */
export function documentFingerprint(doc: FlowDocument): string {
  return JSON.stringify(doc);
}
