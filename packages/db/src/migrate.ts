import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { poolConfigFromUrl } from "./connection.ts";
import { migrationNames } from "./migrations.ts";
import { repoRoot } from "./repo-root.ts";

const prismaScript = path.join(repoRoot(import.meta.url), "packages/db/scripts/prisma.mjs");

/**
 * Applies the committed migrations in prisma/migrations that the database lacks
 * (`prisma migrate deploy`, through the local CLI and the repo's prisma.config.ts).
 * Safe to run at every start and from several processes at once: Prisma takes an advisory lock.
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  if (await upToDate(databaseUrl)) return; // spares the CLI's ~2 s on every start
  const output = await runPrisma(["migrate", "deploy"], databaseUrl);
  if (output.status !== 0) {
    throw new Error(`prisma migrate deploy failed (exit ${output.status}):\n${output.text.trim()}`);
  }
}

/** Whether every committed migration is recorded as applied (and none is half-applied). */
async function upToDate(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client(poolConfigFromUrl(databaseUrl));
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
      `SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE rolled_back_at IS NULL`,
    );
    if (rows.some((row) => !row.finished)) return false;
    const applied = new Set(rows.map((row) => row.migration_name));
    return migrationNames().every((name) => applied.has(name));
  } catch {
    return false; // no migrations table yet, or no connection: let Prisma apply or report
  } finally {
    await client.end().catch(() => {});
  }
}

function runPrisma(args: string[], databaseUrl: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaScript, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ status: code ?? (signal ? 128 : 1), text }));
  });
}
