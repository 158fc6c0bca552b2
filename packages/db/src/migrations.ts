import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./repo-root.ts";

/** The repo's prisma/migrations folder. */
export const migrationsDir = path.join(repoRoot(import.meta.url), "prisma/migrations");

/** The committed migrations' folder names, oldest first. */
export function migrationNames(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A short hash of every committed migration: it changes whenever a migration is added or edited. */
export function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const folder of migrationNames()) {
    hash.update(folder).update("\0");
    hash.update(readFileSync(path.join(migrationsDir, folder, "migration.sql"))).update("\0");
  }
  return hash.digest("hex").slice(0, 12);
}
