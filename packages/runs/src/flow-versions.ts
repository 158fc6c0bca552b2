import { prepareFlow, type PrepareResult, type ValidateOptions } from "@switchyard/core";
import sql from "sql-template-tag";
import { rows, type SqlClient } from "@switchyard/db";

/**
 * Saved flow versions, validated and compiled once per process: a version never changes, so the
 * document every run of it needs is read and prepared on its first run only (starting a run and
 * executing it both used to parse and validate the whole document each time).
 */
export class FlowVersions {
  private readonly prepared = new Map<string, Promise<PrepareResult | undefined>>();

  constructor(
    private readonly client: SqlClient,
    /** How validation checks model ids (the server's provider configuration). */
    private readonly options: ValidateOptions = {},
    private readonly limit = 500,
  ) {}

  /** The prepared version, or undefined if there is no such version. */
  get(versionId: string): Promise<PrepareResult | undefined> {
    let found = this.prepared.get(versionId);
    if (found) {
      // Least recently used goes first: refresh this one's place.
      this.prepared.delete(versionId);
      this.prepared.set(versionId, found);
      return found;
    }
    found = this.load(versionId);
    this.prepared.set(versionId, found);
    if (this.prepared.size > this.limit) this.prepared.delete(this.prepared.keys().next().value!);
    // A failed read is not remembered: the next run reads again.
    found.catch(() => this.prepared.delete(versionId));
    return found;
  }

  private async load(versionId: string): Promise<PrepareResult | undefined> {
    const [version] = await rows<{ document: unknown }>(this.client, sql`SELECT "document" FROM "flow_version" WHERE "id" = ${versionId}`);
    return version ? prepareFlow(version.document, this.options) : undefined;
  }
}
