// Runs this package's Prisma CLI with the repo's prisma.config.ts, from any folder:
//   node packages/db/scripts/prisma.mjs generate | migrate dev --name x | migrate deploy …
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const args = process.argv.slice(2);

const env = { ...process.env, CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE ?? "1" };
// `generate` reads no database, but without a URL for env("DATABASE_URL") the CLI assumes the
// native engine and tries to download it.
if (args[0] === "generate") env.DATABASE_URL ??= "postgresql://generate@localhost:5432/unused";
if (!env.DATABASE_URL) {
  console.error(`DATABASE_URL is not set: prisma ${args.join(" ")} needs a database, e.g.
  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/switchyard_dev pnpm db:migrate --name <change>`);
  process.exit(1);
}

// `migrate dev` with a driver adapter does not create the database; do it for a new checkout.
if (args[0] === "migrate" && args[1] === "dev") await createDatabaseIfMissing(env.DATABASE_URL);

const preload = pathToFileURL(path.join(here, "unref-engine-timers.mjs")).href;
const prisma = (cliArgs) => {
  const result = spawnSync(
    process.execPath,
    ["--import", preload, cli, ...cliArgs, "--config", path.join(root, "prisma.config.ts")],
    {
      cwd: root,
      env,
      stdio: "inherit",
    },
  );
  if (result.error) throw result.error;
  return result.status ?? 1;
};

// The WebAssembly engine's `migrate dev` fails ("shadow DB must be provided through an external
// factory") when it has to apply pending migrations itself, as on a new database: deploy first.
if (args[0] === "migrate" && args[1] === "dev") {
  const status = prisma(["migrate", "deploy"]);
  if (status !== 0) process.exit(status);
}
process.exit(prisma(args));

async function createDatabaseIfMissing(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!found.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } catch {
    // Leave it to Prisma to report what is wrong with the server.
  } finally {
    await client.end().catch(() => {});
  }
}
