import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { toNodeHandler } from "better-auth/node";
import { appRouter, CLIENT_IP_HEADER, errorLine, type ApiServices, type Auth } from "@switchyard/api";
import { FLOW_LIMITS } from "@switchyard/core";
import type { Db } from "@switchyard/db";
import { createRequestContext } from "./context";
import { handleRest } from "./rest-runs";
import { isCrossSiteWrite } from "./same-origin";
import { sendJson } from "./json";
import { serveStatic } from "./static-files";

/**
 * The web app renders model output and flow names as text; this is the second line of defence
 * should markup ever slip through: only our own scripts run, nothing is framed or posted elsewhere.
 * Inline styles stay allowed (the canvas positions nodes with them).
 */
const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The largest body an account request (sign-in, sign-up, profile) may have. */
const AUTH_BODY_BYTES = 64_000;

export interface AppServerOptions {
  db: Db;
  auth: Auth;
  services: ApiServices;
  publicOrigin: string;
  /** The built web app (apps/web/dist). */
  webRoot: string;
  log(message: string): void;
}

/**
 * One HTTP server for everything: better-auth under /api/auth, tRPC (queries, mutations and SSE
 * subscriptions) under /api/trpc, REST for programs under /api/v1, the web app everywhere else.
 */
export function createAppServer(options: AppServerOptions): Server {
  const authHandler = toNodeHandler(options.auth);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", options.publicOrigin);
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "same-origin");
    if (url.pathname === "/healthz") return sendJson(res, 200, { ok: true });
    if (url.pathname.startsWith("/api/") && isCrossSiteWrite(req, options.publicOrigin)) {
      return sendJson(res, 403, { error: { code: "cross_site", message: "Cross-site requests may not change anything." } });
    }
    if (url.pathname.startsWith("/api/auth/")) {
      // better-auth reads whatever body it is given: a sign-in needs a few hundred bytes, not megabytes.
      const declared = Number(req.headers["content-length"] ?? 0);
      if (declared > AUTH_BODY_BYTES || (req.headers["transfer-encoding"] && !req.headers["content-length"])) {
        return sendJson(res, 413, { error: { code: "payload_too_large", message: `Account requests take a body of at most ${AUTH_BODY_BYTES / 1000} kB, with its Content-Length.` } });
      }
      req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
      return authHandler(req, res);
    }
    if (url.pathname.startsWith("/api/trpc/")) {
      return nodeHTTPRequestHandler({
        router: appRouter,
        req,
        res,
        path: url.pathname.slice("/api/trpc/".length),
        maxBodySize: FLOW_LIMITS.documentBytes + 100_000,
        createContext: ({ req: request }) => createRequestContext(request, options),
        onError: ({ error, path }) => {
          if (error.code === "INTERNAL_SERVER_ERROR") options.log(`tRPC ${path ?? "?"}: ${errorLine(error)}`);
        },
      });
    }
    if (url.pathname.startsWith("/api/v1/")) return handleRest(req, res, url, options);
    if (url.pathname.startsWith("/api/")) return sendJson(res, 404, { error: { code: "not_found", message: `No route ${url.pathname}` } });
    res.setHeader("content-security-policy", WEB_APP_CSP);
    res.setHeader("x-frame-options", "DENY");
    return serveStatic(req, res, options.webRoot);
  };
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The path only: a query string may carry a user's input or a token.
      options.log(`request ${req.method} ${(req.url ?? "/").split("?")[0]}: ${errorLine(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: { code: "internal", message: "Something went wrong on our side." } });
      else res.end();
    });
  });
}
