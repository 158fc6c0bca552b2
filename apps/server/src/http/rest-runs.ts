import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import { FLOW_LIMITS, isTerminalEvent } from "@switchyard/core";
import {
  apiKeyGrant,
  apiKeyPrincipal,
  assertStorable,
  atLeast,
  errorLine,
  endWhileAllowed,
  eventsWhileAllowed,
  requireRunRole,
  retryAfterText,
  startRun,
  userPrincipal,
  type ApiKeyPrincipal,
  type ApiServices,
  type Auth,
  type Principal,
} from "@switchyard/api";
import type { Db } from "@switchyard/db";
import { HttpError, readJson, sendJson } from "./json";
import { headersOf } from "./context";
import { writeSse, type StreamError } from "./sse";

/** Event sequence numbers are Postgres integers. */
const MAX_SEQ = 2 ** 31 - 1;

const startBody = z.object({
  inputs: z.record(z.string().max(64), z.unknown()).default({}),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  version: z.number().int().positive().max(2 ** 31 - 1).optional(),
  budgetUsd: z.number().positive().max(10_000).optional(),
});

export interface RestDeps {
  db: Db;
  auth: Auth;
  services: ApiServices;
  log(message: string): void;
}

const revokedKey = () => new HttpError(401, "invalid_api_key", "The API key is invalid or has been revoked.");

async function apiKeyOf(req: IncomingMessage, deps: RestDeps): Promise<ApiKeyPrincipal | undefined> {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  const principal = token ? await deps.services.apiKeys.verify(token) : undefined;
  if (!principal) throw revokedKey();
  return principal;
}

/** Every REST route; the server's permission test must have a row for each. */
export const REST_ROUTES = {
  /** Starts a run (API key, editor role); `?wait=true` answers with its outputs. */
  startRun: { method: "POST", path: "/api/v1/flows/:flowId/runs" },
  /** A run's events as SSE (API key of the run's workspace, or a session that can see the run). */
  runEvents: { method: "GET", path: "/api/v1/runs/:runId/events" },
} as const;

/** The route's one path parameter, when the request is for it. */
function matchRoute(route: { method: string; path: string }, req: IncomingMessage, url: URL): string | undefined {
  if (req.method !== route.method) return undefined;
  const pattern = new RegExp(`^${route.path.replace(/:[A-Za-z]+/, "([^/]+)")}$`);
  const found = pattern.exec(url.pathname)?.[1];
  try {
    return found === undefined ? undefined : decodeURIComponent(found);
  } catch {
    return undefined; // malformed escapes name nothing we have: a 404
  }
}

/** Counts a request against its key's (or user's) limit; over it, a 429 saying when to retry. */
async function spend(deps: RestDeps, principal: Principal): Promise<void> {
  const limit = deps.services.rateLimits.rest;
  const decision = await limit.take(principal);
  if (decision.ok) return;
  throw new HttpError(
    429,
    "rate_limited",
    `Too many requests: at most ${limit.limit} per ${retryAfterText(limit.windowMs)} for each API key or user. Retry in ${retryAfterText(decision.retryAfterMs)}.`,
    { "retry-after": String(Math.ceil(decision.retryAfterMs / 1000)) },
  );
}

/** While a stream is open: is the key still live (and its creator still a member), and the run still in its workspace? */
function keyStillReads(deps: RestDeps, key: ApiKeyPrincipal, runId: string) {
  return async () => {
    if (!(await apiKeyGrant(deps.db, key.apiKeyId))) throw revokedKey();
    const run = await deps.db.run.findFirst({ where: { id: runId, workspaceId: key.workspaceId, flow: { deletedAt: null } }, select: { id: true } });
    if (!run) throw new HttpError(404, "not_found", "Run not found");
  };
}

/** The answer to a failed request; an unexpected failure is logged as one line and answered in general words. */
function describeError(error: unknown, log: (message: string) => void): { status: number; body: StreamError; headers?: Record<string, string> } {
  if (error instanceof HttpError) return { status: error.status, body: { code: error.code, message: error.message }, headers: error.headers };
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return { status: getHTTPStatusCodeFromError(error), body: { code: error.code.toLowerCase(), message: error.message } };
  if (error instanceof z.ZodError) return { status: 400, body: { code: "bad_request", message: error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") } };
  log(`REST: ${errorLine(error)}`);
  // A deliberate message of ours ("The run queue is unavailable") is still worth saying.
  const said = error instanceof TRPCError && error.cause?.message !== error.message ? error.message : "Something went wrong on our side.";
  return { status: 500, body: { code: "internal", message: said } };
}

/** A path parameter, refused by name when it holds what no id can (U+0000, a lone surrogate). */
function storableParam(value: string, name: string): string {
  assertStorable(value, name);
  return value;
}

/** REST for programs: start a run with an API key (optionally waiting for it), follow its events. */
export async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL, deps: RestDeps): Promise<void> {
  try {
    const start = matchRoute(REST_ROUTES.startRun, req, url);
    if (start) return await startViaRest(req, res, url, storableParam(start, "flowId"), deps);
    const events = matchRoute(REST_ROUTES.runEvents, req, url);
    if (events) return await streamViaRest(req, res, url, storableParam(events, "runId"), deps);
    throw new HttpError(404, "not_found", `No route ${req.method} ${url.pathname}`);
  } catch (error) {
    if (res.headersSent) return void res.end();
    const { status, body, headers } = describeError(error, deps.log);
    return sendJson(res, status, { error: body }, headers);
  }
}

async function startViaRest(req: IncomingMessage, res: ServerResponse, url: URL, flowId: string, deps: RestDeps): Promise<void> {
  const principal = await apiKeyOf(req, deps);
  if (!principal) throw new HttpError(401, "api_key_required", "Send an API key as 'Authorization: Bearer sy_…'.");
  await spend(deps, apiKeyPrincipal(principal.apiKeyId));
  if (!atLeast(principal.role, "editor")) {
    // A key that can't start runs still learns only about flows of its own workspace.
    const flow = await deps.db.flow.findFirst({ where: { id: flowId, deletedAt: null, workspaceId: principal.workspaceId }, select: { id: true } });
    if (!flow) throw new HttpError(404, "not_found", "Flow not found");
    throw new HttpError(403, "forbidden", "This API key may read runs but not start them.");
  }
  const raw = await readJson(req, FLOW_LIMITS.inputValueChars + 10_000);
  // Before zod or startRun walk it: a NUL, a lone surrogate or hostile nesting is refused by name.
  assertStorable(raw);
  const body = startBody.parse(raw);
  // startRun finds the flow only in the key's workspace: anything else is "not found".
  const { runId, version } = await startRun(deps.db, deps.services, { flowId, workspaceId: principal.workspaceId, ...body, apiKeyId: principal.apiKeyId });
  const eventsUrl = `/api/v1/runs/${runId}/events`;
  if (url.searchParams.get("wait") !== "true") return sendJson(res, 201, { runId, version, status: "queued", eventsUrl });

  const waitMs = Math.min(Number(url.searchParams.get("timeoutMs") ?? 120_000) || 120_000, 600_000);
  const gone = new AbortController();
  res.on("close", () => gone.abort());
  const abort = AbortSignal.any([AbortSignal.timeout(waitMs), gone.signal]);
  // Nothing is read until the run has ended: one read of its terminal event.
  const last = await endWhileAllowed({ services: deps.services, runId, signal: abort, principal: apiKeyPrincipal(principal.apiKeyId), check: keyStillReads(deps, principal, runId), justChecked: true });
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

/** The seq a reconnecting reader last saw; a value that can't be one is the client's mistake. */
function lastEventId(value: string | string[] | undefined): number {
  if (value === undefined || value === "") return 0;
  const text = String(value).trim();
  if (!/^\d{1,10}$/.test(text) || Number(text) > MAX_SEQ) {
    throw new HttpError(400, "bad_request", `Last-Event-ID must be the id of an event (a whole number from 0 to ${MAX_SEQ}); got '${text.slice(0, 40)}'.`);
  }
  return Number(text);
}

async function streamViaRest(req: IncomingMessage, res: ServerResponse, url: URL, runId: string, deps: RestDeps): Promise<void> {
  const key = await apiKeyOf(req, deps);
  let principal: Principal;
  let check: () => Promise<void>;
  if (key) {
    principal = apiKeyPrincipal(key.apiKeyId);
    check = keyStillReads(deps, key, runId);
  } else {
    const session = await deps.auth.api.getSession({ headers: headersOf(req) }).catch(() => null);
    if (!session) throw new HttpError(401, "unauthorized", "Send an API key or sign in.");
    const userId = session.user.id;
    principal = userPrincipal(userId);
    check = async () => void (await requireRunRole(deps.db, userId, runId, "viewer"));
  }
  await spend(deps, principal);
  await check();
  const after = lastEventId(req.headers["last-event-id"] ?? url.searchParams.get("lastEventId") ?? undefined);
  const controller = new AbortController();
  req.on("close", () => controller.abort());
  const events = eventsWhileAllowed({ services: deps.services, runId, afterSeq: after, signal: controller.signal, principal, check });
  await writeSse(res, events, controller.signal, (error) => describeError(error, deps.log).body);
}
