// Read by the Prisma CLI (see packages/db); paths here are relative to this file.
import { defineConfig, migrationAdapter } from "./packages/db/src/prisma-cli.ts";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: migrationAdapter,
});
