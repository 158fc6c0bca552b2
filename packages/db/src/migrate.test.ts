import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "./connection.ts";
import { migrateDatabase } from "./migrate.ts";
import { migrationNames } from "./migrations.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

let server: TestDatabase;
let admin: pg.Client;
const empty = `switchyard_migrate_${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  server = await createTestDatabase(); // only for a connection to the test server
  admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${empty}"`);
});
afterAll(async () => {
  await admin?.query(`DROP DATABASE IF EXISTS "${empty}" WITH (FORCE)`);
  await admin?.end();
  await server?.drop();
});

describe("migrateDatabase", () => {
  it("applies every committed migration to an empty database, then does nothing", async () => {
    const url = withDatabase(server.url, empty);
    await migrateDatabase(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const applied = await client.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1",
      );
      expect(applied.rows.map((row) => row.migration_name)).toEqual(migrationNames());
      const started = performance.now();
      await migrateDatabase(url);
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      await client.end();
    }
  });
});
