// Starts the real server for the browser tests: a fresh database (on the machine's PostgreSQL
// when reachable, else embedded PostgreSQL in a temp folder), the built web app, one port.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const admin = process.env.E2E_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function freshDatabase() {
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    return undefined; // no PostgreSQL server here: the app falls back to embedded PostgreSQL
  }
  const name = `switchyard_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

const build = spawnSync("pnpm", ["--filter", "@switchyard/web", "build"], { cwd: ROOT, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const databaseUrl = await freshDatabase();
const serverBuild = spawnSync(process.execPath, [path.join(ROOT, "apps/server/scripts/build.mjs"), "--if-stale"], { cwd: ROOT, stdio: "inherit" });
if (serverBuild.status !== 0) process.exit(serverBuild.status ?? 1);
// The compiled server, as `pnpm start` runs it.
const server = spawn(process.execPath, [path.join(ROOT, "apps/server/dist/main.js")], {
  cwd: ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: process.env.E2E_PORT ?? "3210",
    SWITCHYARD_DATA_DIR: mkdtempSync(path.join(tmpdir(), "switchyard-e2e-")),
    SWITCHYARD_AUTH_SECRET: randomBytes(32).toString("hex"),
    SWITCHYARD_CREDENTIAL_KEY: randomBytes(32).toString("base64"),
    // Every test signs up its own users from 127.0.0.1; the production limit would refuse them.
    SWITCHYARD_SIGNUP_LIMIT: "1000",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
  },
});
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  void dropDatabase(databaseUrl).finally(() => process.exit(code ?? 0));
});

/** The test database goes when the server does, so runs leave nothing behind. */
async function dropDatabase(url) {
  if (!url) return;
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  } catch {
    // best effort: a leftover test database is harmless
  } finally {
    await client.end().catch(() => undefined);
  }
}
