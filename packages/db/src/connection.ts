import pg, { type PoolConfig } from "pg";

/**
 * The parts of a postgres:// URL as `pg` pool options. Prisma's adapter gets these rather than
 * a `connectionString`, so the shadow database of `migrate dev` points where it should.
 */
export function poolConfigFromUrl(databaseUrl: string): PoolConfig {
  const url = new URL(databaseUrl);
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`Not a PostgreSQL URL: ${url.protocol}//…`);
  }
  const socketHost = url.searchParams.get("host");
  const sslmode = url.searchParams.get("sslmode");
  return {
    host: socketHost ?? (decodeURIComponent(url.hostname) || "127.0.0.1"),
    port: url.port ? Number(url.port) : 5432,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, "")) || undefined,
    ...(sslmode && sslmode !== "disable"
      ? { ssl: { rejectUnauthorized: sslmode === "verify-full" } }
      : {}),
  };
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Whether a server answers at `databaseUrl` (and lets us in) within the timeout. */
export async function canConnect(databaseUrl: string, timeoutMs = 2000): Promise<boolean> {
  const client = new pg.Client({
    ...poolConfigFromUrl(databaseUrl),
    connectionTimeoutMillis: timeoutMs,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
