import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import { TRPCError } from "@trpc/server";
import { createSqlPool, createTestDatabase, type Db, type Role, type SqlPool, type TestDatabase } from "@switchyard/db";
import { createCaller } from "../../src/root";
import { createContextInner, type SessionUser } from "../../src/context";
import { ensurePersonalWorkspace } from "../../src/auth/personal-workspace";
import { createTestServices, type TestServices } from "./services";

/** A user as a test sees them: who they are, their personal workspace and a caller acting as them. */
export interface TestUser extends SessionUser {
  workspaceId: string;
  api: ReturnType<typeof createCaller>;
}

export interface TestApi extends TestServices {
  db: Db;
  /** Plain SQL on the same database (what the run lifecycle uses). */
  sql: SqlPool;
  /** The test database's URL, for a second client (another "process") on it. */
  url: string;
  /** A new user with a personal workspace, created straight in the database. */
  user(name?: string): Promise<TestUser>;
  /** Adds `user` to `workspaceId` with `role`. */
  join(user: TestUser, workspaceId: string, role: Role): Promise<void>;
  /** A caller with no session, or one whose session has expired. */
  anonymous(options?: { sessionExpired?: boolean }): ReturnType<typeof createCaller>;
  /** A caller acting as `user`, its requests carrying `signal` as the HTTP adapter's do. */
  callerFor(
    user: SessionUser | null,
    options?: { sessionExpired?: boolean; signal?: AbortSignal },
  ): ReturnType<typeof createCaller>;
}

/**
 * One isolated, migrated database per test file (dropped afterwards) and real services on it.
 * Call at the top of a test file; the returned object is usable inside tests and hooks.
 */
export function useTestApi(): TestApi {
  let database: TestDatabase | undefined;
  let services: TestServices | undefined;
  let sql: SqlPool | undefined;
  const ready = () => {
    if (!database || !services || !sql)
      throw new Error("useTestApi() is ready only inside tests and hooks");
    return { db: database.db, sql, ...services };
  };
  const callerFor = (
    user: SessionUser | null,
    options: { sessionExpired?: boolean; signal?: AbortSignal } = {},
  ) => {
    const { db, services: api } = ready();
    const context = createContextInner({
      db,
      services: api,
      user,
      sessionExpired: options.sessionExpired ?? false,
    });
    return createCaller(context, options.signal ? { signal: options.signal } : {});
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = createSqlPool(database.url, { max: 4 });
    services = createTestServices(database.db, sql);
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  return {
    get db() {
      return ready().db;
    },
    get sql() {
      return ready().sql;
    },
    get url() {
      if (!database) throw new Error("useTestApi() is ready only inside tests and hooks");
      return database.url;
    },
    get services() {
      return ready().services;
    },
    get queue() {
      return ready().queue;
    },
    get vault() {
      return ready().vault;
    },
    async user(name = "Ada") {
      const { db } = ready();
      const session: SessionUser = {
        id: randomUUID(),
        name,
        email: `${name.toLowerCase()}-${randomUUID()}@example.com`,
      };
      await db.user.create({ data: session });
      const workspaceId = await ensurePersonalWorkspace(db, session.id, name);
      return { ...session, workspaceId, api: callerFor(session) };
    },
    async join(user, workspaceId, role) {
      await ready().db.membership.create({ data: { userId: user.id, workspaceId, role } });
    },
    anonymous(options = {}) {
      return callerFor(null, options);
    },
    callerFor(user, options) {
      // Only the session fields: a TestUser also carries its own caller and workspace.
      return callerFor(user && { id: user.id, email: user.email, name: user.name }, options);
    },
  };
}

/** Asserts that `promise` rejects with a TRPCError of `code` whose message matches `message`. */
export async function expectTrpcError(
  promise: Promise<unknown>,
  code: TRPCError["code"],
  message: string | RegExp,
): Promise<TRPCError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}, but the call succeeded`).toBeInstanceOf(TRPCError);
  const trpcError = error as TRPCError;
  expect({ code: trpcError.code, message: trpcError.message }).toEqual({
    code,
    message: typeof message === "string" ? message : expect.stringMatching(message),
  });
  return trpcError;
}
