import type { IncomingMessage } from "node:http";
import { createContextInner, type ApiServices, type Auth, type Context } from "@switchyard/api";
import type { Db } from "@switchyard/db";

/** Turns Node's headers into the Fetch `Headers` better-auth reads. */
export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** Per-request tRPC context: the session from the cookie, checked by better-auth. */
export async function createRequestContext(req: IncomingMessage, deps: { db: Db; auth: Auth; services: ApiServices }): Promise<Context> {
  const headers = headersOf(req);
  const session = await deps.auth.api.getSession({ headers }).catch(() => null);
  const hadCookie = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/.test(headers.get("cookie") ?? "");
  return createContextInner({
    db: deps.db,
    services: deps.services,
    user: session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null,
    sessionExpired: !session && hadCookie,
  });
}
