import type { IncomingMessage } from "node:http";

/**
 * CSRF defence: a state-changing request must come from our own origin. Browsers send Origin on
 * every cross-site POST, so a request naming another origin is refused whether or not it carries
 * a cookie (that also stops signing a victim in to the attacker's account). A request naming no
 * origin at all is a program (curl, an API-key client) — unless it carries our session cookie,
 * which only a browser would send. Safe methods change nothing and pass.
 */
export function isCrossSiteWrite(req: IncomingMessage, publicOrigin: string): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  if (req.headers["sec-fetch-site"] === "cross-site") return true;
  const origin = req.headers.origin ?? refererOrigin(req.headers.referer);
  if (origin) return !isOurs(origin, req, publicOrigin);
  return Boolean(req.headers.cookie);
}

function isOurs(origin: string, req: IncomingMessage, publicOrigin: string): boolean {
  const host = req.headers.host;
  return origin === publicOrigin || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
