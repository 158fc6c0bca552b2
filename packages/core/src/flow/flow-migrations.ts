import { FLOW_FORMAT } from "./flow-schema";

/**
 * Upgrades older flow documents to the current format, one version at a time, so files saved by
 * earlier releases keep opening. Each entry turns `format` N into N+1.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** None yet: v1 is the first published format. v1 → v2 goes here when v2 exists. */
export const FLOW_MIGRATIONS: Readonly<Record<string, Migration>> = {};

export type MigrationResult = { ok: true; document: unknown; migratedFrom?: string } | { ok: false; message: string };

export function migrateFlowDocument(raw: unknown, migrations = FLOW_MIGRATIONS): MigrationResult {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, message: "a flow document must be a JSON object" };
  }
  let doc = raw as Record<string, unknown>;
  const original = doc.format;
  if (original === undefined) {
    return { ok: false, message: `not a Switchyard flow: missing "format": "${FLOW_FORMAT}"` };
  }
  for (let steps = 0; doc.format !== FLOW_FORMAT; steps++) {
    const migrate = typeof doc.format === "string" && Object.hasOwn(migrations, doc.format) ? migrations[doc.format] : undefined;
    if (!migrate || steps > 20) {
      return { ok: false, message: `unsupported flow format ${JSON.stringify(original)}; this version reads ${FLOW_FORMAT}` };
    }
    doc = migrate(doc);
  }
  return original === FLOW_FORMAT ? { ok: true, document: doc } : { ok: true, document: doc, migratedFrom: String(original) };
}
