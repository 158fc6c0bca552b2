import pg from "pg";
import type { Sql } from "sql-template-tag";
import { poolConfigFromUrl } from "./connection.ts";

/**
 * Plain SQL over `pg` for the hot path (starting, executing and streaming runs), where Prisma's
 * per-query cost dominated the server's CPU. Queries are `sql`…`` templates (sql-template-tag)
 * and run as prepared statements, parsed and planned once per connection.
 */
export type SqlPool = pg.Pool;
/** A pool, or one connection taken from it (inside a transaction). */
export type SqlClient = pg.Pool | pg.PoolClient;

const TIMESTAMP_OID = 1114;

/** Columns are `timestamp without time zone` holding UTC (Prisma's convention): read them as UTC. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

export function createSqlPool(databaseUrl: string, options: { max?: number } = {}): SqlPool {
  // Sessions in UTC, as Prisma's: now() and the stored timestamps agree whatever the server's zone.
  const pool = new pg.Pool({ ...poolConfigFromUrl(databaseUrl), options: "-c TimeZone=UTC", max: options.max ?? 10, types });
  // An idle connection the server closed (a restart, a shutdown) is dropped and replaced; the
  // queries that need the database report its absence themselves.
  pool.on("error", () => undefined);
  return pool;
}

const names = new Map<string, string>();

/** A stable statement name per query text, so each is prepared once per connection. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    name = `sy_${(hash >>> 0).toString(36)}_${text.length}`;
    names.set(text, name);
  }
  return name;
}

/** The rows `query` returns. */
export async function rows<T>(client: SqlClient, query: Sql): Promise<T[]> {
  const result = await client.query({ name: statementName(query.text), text: query.text, values: query.values });
  return result.rows as T[];
}

/** How many rows `query` changed. */
export async function changed(client: SqlClient, query: Sql): Promise<number> {
  const result = await client.query({ name: statementName(query.text), text: query.text, values: query.values });
  return result.rowCount ?? 0;
}

/** Runs `work` in a transaction on one connection: committed if it resolves, rolled back if it throws. */
export async function transaction<T>(pool: SqlPool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that can't even roll back is dropped rather than handed to the next caller.
    await client.query("ROLLBACK").catch(() => (broken = true));
    throw error;
  } finally {
    client.release(broken);
  }
}
