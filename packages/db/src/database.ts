import pg from "pg";
import { withDatabase } from "./connection.ts";
import { startEmbeddedPostgres } from "./embedded.ts";

export interface EnsureDatabaseOptions {
  /** Use this server; without it an embedded PostgreSQL keeps its data under `dataDir`. */
  databaseUrl?: string | undefined;
  /** e.g. `.data/postgres`; reused on the next start. */
  dataDir: string;
  /** Receives the embedded server's log lines. */
  log?: (message: string) => void;
}

export interface EnsuredDatabase {
  databaseUrl: string;
  /** True when this call runs (or joined) an embedded PostgreSQL. */
  embedded: boolean;
  /** Stops the embedded server this process started; a no-op for a given URL. */
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = "switchyard";

/**
 * The database the app should use: the given URL, or an embedded PostgreSQL (so a fresh machine
 * needs nothing installed). Does not migrate; call `migrateDatabase` next.
 */
export async function ensureDatabase(options: EnsureDatabaseOptions): Promise<EnsuredDatabase> {
  if (options.databaseUrl) {
    return { databaseUrl: options.databaseUrl, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres(
    options.dataDir,
    options.log ? { log: options.log } : {},
  );
  try {
    await createDatabaseIfMissing(server.adminUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    databaseUrl: withDatabase(server.adminUrl, EMBEDDED_DATABASE),
    embedded: true,
    stop: server.stop,
  };
}

/** CREATE DATABASE unless it exists; `adminUrl` may point at any database of the server. */
export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return;
    await client
      .query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
      .catch((error: unknown) => {
        // Another process created it between our check and our CREATE.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
  } finally {
    await client.end();
  }
}
