// `npm start`: installs what is missing, builds the web app and the server when their sources
// changed, then serves Switchyard on one port (embedded PostgreSQL when DATABASE_URL is not set).
// `node scripts/start.mjs worker` (`pnpm worker`) runs a worker process instead.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ensureInstalled, pnpmCommand, ROOT, run } from "./bootstrap.mjs";

const pnpm = pnpmCommand();
ensureInstalled(pnpm);

/** Newest modification time under a folder (the web app's sources and the core it bundles). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const built = path.join(ROOT, "apps/web/dist/index.html");
const sources = Math.max(newest(path.join(ROOT, "apps/web/src")), newest(path.join(ROOT, "packages/core/src")));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log("Building the web app…");
  const status = run(pnpm[0], [...pnpm.slice(1), "--filter", "@switchyard/web", "build"]);
  if (status !== 0) process.exit(status);
}
// The server runs compiled (no TypeScript at run time); rebuilt when its sources changed.
const serverBuild = run(process.execPath, [path.join(ROOT, "apps/server/scripts/build.mjs"), "--if-stale"]);
if (serverBuild !== 0) process.exit(serverBuild);
process.exit(run(process.execPath, [path.join(ROOT, "apps/server/dist/main.js"), ...process.argv.slice(2)]));
