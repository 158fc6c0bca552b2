export {
  createDb,
  disconnect,
  type CreateDbOptions,
  type Db,
  type DbTransaction,
} from "./client.ts";
export { poolConfigFromUrl, withDatabase, canConnect } from "./connection.ts";
export {
  ensureDatabase,
  createDatabaseIfMissing,
  EMBEDDED_DATABASE,
  type EnsureDatabaseOptions,
  type EnsuredDatabase,
} from "./database.ts";
export { migrateDatabase } from "./migrate.ts";
export { repoRoot } from "./repo-root.ts";
export { createSqlPool, rows, changed, transaction, type SqlPool, type SqlClient } from "./sql.ts";
export { createTestDatabase, type TestDatabase } from "./test-database.ts";
export * from "./selects.ts";
// The generated client: `Prisma` (input and payload types), model types, enums.
export * from "./generated/prisma/client.ts";
