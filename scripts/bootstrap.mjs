// Shared by `npm start` and `npm test`: they must work on a machine with only Node and npm,
// so these scripts use nothing but Node built-ins until dependencies are installed.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = "10.34.9";

/** The pnpm command line: a global pnpm when there is one, otherwise the pinned one via npx. */
export function pnpmCommand() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (probe.status === 0) return ["pnpm"];
  return ["npx", "--yes", `pnpm@${PNPM_VERSION}`];
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Installs dependencies when they are missing or older than the lockfile. */
export function ensureInstalled(pnpm) {
  const marker = path.join(ROOT, "node_modules", ".modules.yaml");
  const lock = path.join(ROOT, "pnpm-lock.yaml");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log("Installing dependencies (pnpm install)…");
  const status = run(pnpm[0], [...pnpm.slice(1), "install", "--frozen-lockfile"]);
  if (status !== 0) process.exit(status);
}
