import type { Db } from "@switchyard/db";
import type { ApiServices } from "./services/api-services";

/** The signed-in user, as procedures see them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** What every procedure gets. Built per request by the HTTP adapter, or directly in tests. */
export interface Context {
  db: Db;
  services: ApiServices;
  user: SessionUser | null;
  /** True when the request carried a session that has expired (to say so, not just "sign in"). */
  sessionExpired: boolean;
}

/** The context without HTTP: tests call routers through `createCaller(createContextInner(…))`. */
export function createContextInner(options: { db: Db; services: ApiServices; user?: SessionUser | null; sessionExpired?: boolean }): Context {
  return { db: options.db, services: options.services, user: options.user ?? null, sessionExpired: options.sessionExpired ?? false };
}
