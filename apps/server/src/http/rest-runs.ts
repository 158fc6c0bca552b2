import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import { FLOW_LIMITS, isTerminalEvent, type RunEvent } from "@switchyard/core";
import { atLeast, requireRunRole, startRun, verifyApiKey, type ApiKeyPrincipal, type ApiServices, type Auth } from "@switchyard/api";
import type { Db } from "@switchyard/db";
import { HttpError, readJson, sendJson } from "./json";
import { headersOf } from "./context";
import { writeSse } from "./sse";

const startBody = z.object({
  inputs: z.record(z.string().max(64), z.unknown()).default({}),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  version: z.number().int().positive().optional(),
  budgetUsd: z.number().positive().max(10_000).optional(),
});

export interface RestDeps {
  db: Db;
  auth: Auth;
  services: ApiServices;
}

async function apiKeyOf(req: IncomingMessage, db: Db): Promise<ApiKeyPrincipal | undefined> {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  const principal = token ? await verifyApiKey(db, token) : undefined;
  if (!principal) throw new HttpError(401, "invalid_api_key", "The API key is invalid or has been revoked.");
  return principal;
}

/** REST for programs: start a run with an API key (optionally waiting for it), follow its events. */
export async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL, deps: RestDeps): Promise<void> {
  try {
    const start = /^\/api\/v1\/flows\/([^/]+)\/runs$/.exec(url.pathname);
    const events = /^\/api\/v1\/runs\/([^/]+)\/events$/.exec(url.pathname);
    if (start && req.method === "POST") return await startViaRest(req, res, url, decodeURIComponent(start[1]!), deps);
    if (events && req.method === "GET") return await streamViaRest(req, res, url, decodeURIComponent(events[1]!), deps);
    throw new HttpError(404, "not_found", `No route ${req.method} ${url.pathname}`);
  } catch (error) {
    if (res.headersSent) return void res.end();
    if (error instanceof HttpError) return sendJson(res, error.status, { error: { code: error.code, message: error.message } });
    if (error instanceof TRPCError) return sendJson(res, getHTTPStatusCodeFromError(error), { error: { code: error.code.toLowerCase(), message: error.message } });
    if (error instanceof z.ZodError) return sendJson(res, 400, { error: { code: "bad_request", message: error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") } });
    console.error("REST handler error", error);
    return sendJson(res, 500, { error: { code: "internal", message: "Something went wrong on our side." } });
  }
}

async function startViaRest(req: IncomingMessage, res: ServerResponse, url: URL, flowId: string, deps: RestDeps): Promise<void> {
  const principal = await apiKeyOf(req, deps.db);
  if (!principal) throw new HttpError(401, "api_key_required", "Send an API key as 'Authorization: Bearer sy_…'.");
  const flow = await deps.db.flow.findFirst({ where: { id: flowId, deletedAt: null, workspaceId: principal.workspaceId }, select: { id: true } });
  if (!flow) throw new HttpError(404, "not_found", "Flow not found");
  if (!atLeast(principal.role, "editor")) throw new HttpError(403, "forbidden", "This API key may read runs but not start them.");
  const body = startBody.parse(await readJson(req, FLOW_LIMITS.inputValueChars + 10_000));
  const { runId, version } = await startRun(deps.db, deps.services, { flowId, ...body, apiKeyId: principal.apiKeyId });
  const eventsUrl = `/api/v1/runs/${runId}/events`;
  if (url.searchParams.get("wait") !== "true") return sendJson(res, 201, { runId, version, status: "queued", eventsUrl });

  const waitMs = Math.min(Number(url.searchParams.get("timeoutMs") ?? 120_000) || 120_000, 600_000);
  const gone = new AbortController();
  res.on("close", () => gone.abort());
  const abort = AbortSignal.any([AbortSignal.timeout(waitMs), gone.signal]);
  let last: RunEvent | undefined;
  for await (const event of deps.services.events.stream(runId, 0, abort)) {
    if (isTerminalEvent(event)) {
      last = event;
      break;
    }
  }
  if (!last || !isTerminalEvent(last)) return sendJson(res, 202, { runId, version, status: "running", eventsUrl });
  const status = last.type === "run.completed" ? "completed" : last.type === "run.failed" ? "failed" : "cancelled";
  return sendJson(res, 200, {
    runId,
    version,
    status,
    outputs: last.outputs,
    costUsd: last.costUsd,
    tokens: last.tokens,
    latencyMs: last.latencyMs,
    ...(last.type === "run.failed" ? { error: last.error } : {}),
  });
}

async function streamViaRest(req: IncomingMessage, res: ServerResponse, url: URL, runId: string, deps: RestDeps): Promise<void> {
  const principal = await apiKeyOf(req, deps.db);
  if (principal) {
    const run = await deps.db.run.findFirst({ where: { id: runId, workspaceId: principal.workspaceId }, select: { id: true } });
    if (!run) throw new HttpError(404, "not_found", "Run not found");
  } else {
    const session = await deps.auth.api.getSession({ headers: headersOf(req) }).catch(() => null);
    if (!session) throw new HttpError(401, "unauthorized", "Send an API key or sign in.");
    await requireRunRole(deps.db, session.user.id, runId, "viewer");
  }
  const lastHeader = req.headers["last-event-id"] ?? url.searchParams.get("lastEventId") ?? "0";
  const after = /^\d+$/.test(String(lastHeader)) ? Number(lastHeader) : 0;
  const controller = new AbortController();
  req.on("close", () => controller.abort());
  await writeSse(res, deps.services.events.stream(runId, after, controller.signal), controller.signal);
}
