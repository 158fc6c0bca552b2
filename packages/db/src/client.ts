import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/prisma/client.ts";
import { poolConfigFromUrl } from "./connection.ts";

/** The Prisma client every package receives; it queries through `pg` (no native engine). */
export type Db = PrismaClient;

/** What `db.$transaction(async (tx) => …)` hands its callback. */
export type DbTransaction = Prisma.TransactionClient;

export interface CreateDbOptions {
  /** Most connections the pool opens (pg's default is 10). */
  poolSize?: number;
}

/** A client for one database; `disconnect` it when done, or the pool keeps the process alive. */
export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const pool = {
    ...poolConfigFromUrl(databaseUrl),
    // Prisma keeps DateTime columns as UTC wall-clock times (timestamp without time zone); SQL that
    // compares them with now() (leases, the reaper) is only right if the session's zone is UTC too,
    // whatever the server's default is.
    options: "-c TimeZone=UTC",
    ...(options.poolSize ? { max: options.poolSize } : {}),
  };
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

export async function disconnect(db: Db): Promise<void> {
  await db.$disconnect();
}
