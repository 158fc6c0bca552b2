import type { IncomingMessage } from "node:http";

/**
 * CSRF defence for cookie-authenticated writes: a state-changing request must come from our own
 * origin (browsers always send Origin on cross-site POSTs). Safe methods and requests with no
 * cookie (API-key clients, curl) are not affected.
 */
export function isCrossSiteWrite(req: IncomingMessage, publicOrigin: string): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  if (!req.headers.cookie) return false;
  const origin = req.headers.origin ?? refererOrigin(req.headers.referer);
  if (!origin) return true;
  const host = req.headers.host;
  return origin !== publicOrigin && !(host && (origin === `http://${host}` || origin === `https://${host}`));
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
