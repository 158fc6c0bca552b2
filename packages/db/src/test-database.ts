import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "./client.ts";
import { canConnect, withDatabase } from "./connection.ts";
import { startEmbeddedPostgres } from "./embedded.ts";
import { migrateDatabase } from "./migrate.ts";
import { migrationsHash } from "./migrations.ts";
import { isAlive, readPostmaster } from "./postmaster.ts";

/** A fresh, migrated database of its own for one test file. */
export interface TestDatabase {
  url: string;
  db: Db;
  /** Disconnects `db` and drops the database. */
  drop(): Promise<void>;
}

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const TEST_PREFIX = "switchyard_test_";
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
const TEMPLATE_LOCK = 7_240_117_031;
const CLUSTER_PREFIX = "switchyard-test-pg-";

let server: Promise<string> | undefined;
const templates = new Map<string, Promise<string>>();

/**
 * Creates a uniquely named database on `TEST_DATABASE_URL` (or `DATABASE_URL`, or the local
 * server) by cloning a template that holds the committed migrations; the template is built once
 * per migrations hash and reused across runs. With no server reachable it starts an embedded
 * PostgreSQL for this process (`TEST_DATABASE_URL=embedded` forces that).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  server ??= testServer();
  const adminUrl = await server;
  let template = templates.get(adminUrl);
  if (!template) {
    template = ensureTemplate(adminUrl);
    templates.set(adminUrl, template);
  }
  const templateName = await template;
  const name = `${TEST_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`),
  );
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { poolSize: 4 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

async function testServer(): Promise<string> {
  const configured = process.env["TEST_DATABASE_URL"] ?? process.env["DATABASE_URL"];
  if (configured && configured !== "embedded") return configured;
  if (!configured && (await canConnect(DEFAULT_SERVER))) return DEFAULT_SERVER;
  // A fresh machine without PostgreSQL: one throwaway embedded server for this test process.
  sweepDeadClusters();
  const holder = mkdtempSync(path.join(os.tmpdir(), CLUSTER_PREFIX));
  chmodSync(holder, 0o755); // the server may run as `postgres` and must reach its folder
  const embedded = await startEmbeddedPostgres(path.join(holder, "data"), { ephemeral: true });
  return embedded.adminUrl;
}

/** Folders of embedded test servers whose process has exited (the server stops with it). */
function sweepDeadClusters(): void {
  for (const entry of readdirSync(os.tmpdir())) {
    if (!entry.startsWith(CLUSTER_PREFIX)) continue;
    const holder = path.join(os.tmpdir(), entry);
    try {
      const server = readPostmaster(path.join(holder, "data"));
      const settled = Date.now() - statSync(holder).mtimeMs > 60_000; // not one still initialising
      if (settled && !(server && isAlive(server.pid)))
        rmSync(holder, { recursive: true, force: true });
    } catch {
      // Another test process swept it first.
    }
  }
}

/** The migrated template for the current migrations, built under a lock if it is missing. */
async function ensureTemplate(adminUrl: string): Promise<string> {
  const name = `switchyard_template_${migrationsHash()}`;
  return withAdmin(adminUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      const databases = await client.query<{ datname: string }>("SELECT datname FROM pg_database");
      const names = new Set(databases.rows.map((row) => row.datname));
      await dropStaleTestDatabases(client, names);
      if (names.has(name)) return name;
      // Built under another name and renamed at the end, so a half-migrated template never exists.
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      await migrateDatabase(withDatabase(adminUrl, building));
      await renameWhenIdle(client, building, name);
      return name;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
}

/** Test databases left by crashed runs, a day old or more (the name starts with its time). */
async function dropStaleTestDatabases(client: pg.Client, names: Set<string>): Promise<void> {
  for (const name of names) {
    if (!name.startsWith(TEST_PREFIX)) continue;
    const created = Number.parseInt(name.slice(TEST_PREFIX.length).split("_")[0] ?? "", 36);
    if (Number.isFinite(created) && Date.now() - created > STALE_AFTER_MS) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
}

// The migrate process has exited, but its server-side sessions may take a moment to end.
async function renameWhenIdle(client: pg.Client, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await client.query(`ALTER DATABASE "${from}" RENAME TO "${to}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function withAdmin<T>(adminUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
