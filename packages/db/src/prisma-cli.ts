// Imported by the repo root's prisma.config.ts: the Prisma CLI is installed here, not at the root.
import { PrismaPg } from "@prisma/adapter-pg";
import { poolConfigFromUrl } from "./connection.ts";

export { defineConfig } from "prisma/config";

/** The driver adapter the CLI migrates through, built from `DATABASE_URL` when it is needed. */
export async function migrationAdapter(): Promise<PrismaPg> {
  const databaseUrl = process.env["DATABASE_URL"];
  if (!databaseUrl)
    throw new Error("DATABASE_URL is not set (the Prisma CLI needs it to migrate).");
  // The CLI never closes the pool; idle connections must not keep it alive for another minute.
  return new PrismaPg({ ...poolConfigFromUrl(databaseUrl), allowExitOnIdle: true });
}
