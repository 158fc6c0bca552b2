import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@switchyard/api";
import { hostileJson, hostileVariants, procedureInputs, type CallTargets, type HostileVariant } from "@switchyard/api/testing";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { Browser, readSse } from "./support/browser";
import { serverEnv, startProcess, type ServerProcess } from "./support/processes";
import { askFlow } from "./support/flows";

/**
 * Every tRPC procedure and REST route of a real server, over real HTTP, with every hostile
 * variant of a good request: never a 500; each refusal a 400 or 413 whose message names the
 * problem; nothing written by a refused request; no dump in the log.
 */

let database: TestDatabase;
let server: ServerProcess;
let owner: Browser;
let targets: CallTargets;
let editorKey: string;

const tokenOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startProcess("server", await serverEnv(database.url, { SWITCHYARD_IN_PROCESS_WORKER: "true", SWITCHYARD_REST_LIMIT: "100000", SWITCHYARD_RUN_START_LIMIT: "100000" }));
  owner = new Browser(server.url!);
  const member = new Browser(server.url!);
  const friend = new Browser(server.url!);
  const stamp = Date.now();
  await owner.signUp(`owner-${stamp}@example.com`);
  const memberUser = await member.signUp(`member-${stamp}@example.com`);
  const friendUser = await friend.signUp(`friend-${stamp}@example.com`);

  const { id: workspaceId } = await owner.mutate<{ id: string }>("workspaces.create", { name: "Team" });
  const ws = { workspaceId };
  const importFlow = async (name: string) => (await owner.mutate<{ id: string }>("flows.import", { ...ws, document: askFlow(name) })).id;
  const flowId = await importFlow("Ask");
  const joined = await owner.mutate<{ path: string }>("workspaces.invite", { ...ws, email: memberUser.email, role: "viewer" });
  await member.mutate("workspaces.acceptInvite", { token: tokenOf(joined.path) });
  const invitation = await owner.mutate<{ id: string; path: string }>("workspaces.invite", { ...ws, email: `invitee-${stamp}@example.com`, role: "viewer" });
  const link = await owner.mutate<{ id: string; token: string }>("shares.createLink", { flowId });
  const key = await owner.mutate<{ id: string; key: string }>("apiKeys.create", { ...ws, name: "CI", role: "editor" });
  editorKey = (await owner.mutate<{ key: string }>("apiKeys.create", { ...ws, name: "REST", role: "editor" })).key;
  const finished = await fetch(`${server.url}/api/v1/flows/${flowId}/runs?wait=true`, {
    method: "POST",
    headers: { authorization: `Bearer ${editorKey}`, "content-type": "application/json" },
    body: JSON.stringify({ inputs: { question: "q" } }),
  });
  expect(finished.status).toBe(200);
  targets = {
    ...ws,
    flowId,
    doomedFlowId: await importFlow("Doomed"),
    doomedWorkspaceId: (await owner.mutate<{ id: string }>("workspaces.create", { name: "Doomed" })).id,
    runId: ((await finished.json()) as { runId: string }).runId,
    memberId: memberUser.id,
    shareId: (await owner.mutate<{ id: string }>("shares.shareWithUser", { flowId, email: friendUser.email, role: "viewer" })).id,
    linkShareId: link.id,
    linkToken: link.token,
    invitationId: invitation.id,
    invitationToken: tokenOf(invitation.path),
    apiKeyId: key.id,
    document: askFlow(),
  };
}, 120_000);

afterAll(async () => {
  server?.kill("SIGKILL");
  await server?.exited;
  await database?.drop();
});

interface Answer {
  status: number;
  message: string;
}

/** tRPC's error message, from a JSON answer or a subscription's first error frame. */
async function trpcAnswer(res: Response, subscription: boolean): Promise<Answer> {
  if (subscription && res.status === 200) {
    let error: { message: string; data?: { httpStatus?: number } } | undefined;
    await readSse(res, (frame) => {
      if (frame.event === "serialized-error") error = JSON.parse(frame.data) as typeof error;
      return frame.event !== "connected" && frame.event !== "ping";
    });
    return error ? { status: error.data?.httpStatus ?? 500, message: error.message } : { status: 200, message: "" };
  }
  const text = await res.text();
  const body = (() => {
    try {
      return JSON.parse(text) as { error?: { message?: string; json?: { message?: string } } };
    } catch {
      return { error: { message: text } };
    }
  })();
  return { status: res.status, message: body.error?.message ?? "" };
}

type Kind = "query" | "mutation" | "subscription";
const kindOf = (path: string) => (appRouter._def.procedures as unknown as Record<string, { _def: { type: Kind } }>)[path]!._def.type;

async function callProcedure(path: string, body: unknown): Promise<Answer> {
  const kind = kindOf(path);
  const json = body === undefined ? undefined : hostileJson(body);
  const url = `${server.url}/api/trpc/${path}`;
  try {
    const res =
      kind === "mutation"
        ? await fetch(url, { method: "POST", headers: owner.headers(), ...(json === undefined ? {} : { body: json }) })
        : await fetch(json === undefined ? url : `${url}?input=${encodeURIComponent(json)}`, { headers: owner.headers() });
    return await trpcAnswer(res, kind === "subscription");
  } catch (error) {
    return { status: 0, message: `no answer: ${(error as Error).message}` };
  }
}

async function callRest(route: "start" | "events", body: unknown, param?: string): Promise<Answer> {
  const headers = { authorization: `Bearer ${editorKey}`, "content-type": "application/json" };
  const res =
    route === "start"
      ? await fetch(`${server.url}/api/v1/flows/${param ?? targets.flowId}/runs`, { method: "POST", headers, body: hostileJson(body) })
      : await fetch(`${server.url}/api/v1/runs/${param ?? targets.runId}/events`, { headers });
  if (res.status === 200) {
    await res.body?.cancel();
    return { status: 200, message: "" };
  }
  const answer = (await res.json()) as { error?: { message?: string } };
  return { status: res.status, message: answer.error?.message ?? "" };
}

/** Rows of every table the requests could write. */
async function counts(): Promise<string> {
  const { db } = database;
  return JSON.stringify(
    await Promise.all([db.flow.count(), db.flowVersion.count(), db.run.count(), db.workspace.count(), db.membership.count(), db.apiKey.count(), db.flowShare.count(), db.invitation.count(), db.providerCredential.count(), db.auditLog.count()]),
  );
}

/** Deeper and longer than every limit behind the HTTP server (64 levels, 500 characters), yet within a URL. */
const URL_SIZES = { depth: 500, hugeChars: 10_000 };

const line = (what: string, v: HostileVariant, a: Answer) => `${what}: ${v.label} → ${a.status} ${a.message.slice(0, 160)}`;

/** A refusal as it must be: 400 or 413 naming the problem. */
function refusedWell(v: HostileVariant, a: Answer): boolean {
  return [400, 413].includes(a.status) && v.mentions.test(a.message);
}

describe("hostile requests over HTTP", () => {
  it("never get a 500 from any procedure or REST route, and every refusal names the problem", { timeout: 900_000 }, async () => {
    const internal: string[] = [];
    const wrong: string[] = [];
    const written: string[] = [];
    let calls = 0;
    const logBefore = server.output.length;

    for (const [path, good] of Object.entries(procedureInputs(targets))) {
      // Queries carry their input in the URL, which the HTTP server cuts off at 16 KB.
      const variants = hostileVariants(good, kindOf(path) === "mutation" ? {} : URL_SIZES);
      const before = await counts();
      for (const variant of variants.filter((v) => v.mustRefuse)) {
        const answer = await callProcedure(path, variant.body);
        calls++;
        if (answer.status >= 500 || answer.status === 0) internal.push(line(path, variant, answer));
        else if (!refusedWell(variant, answer)) wrong.push(line(path, variant, answer));
      }
      if ((await counts()) !== before) written.push(`${path}: a refused request wrote something`);
      for (const variant of variants.filter((v) => !v.mustRefuse)) {
        const answer = await callProcedure(path, variant.body);
        calls++;
        if (answer.status >= 500 || answer.status === 0) internal.push(line(path, variant, answer));
      }
    }

    const goodStart = { inputs: { question: "Capital of Australia?" }, seed: 1, version: 1, budgetUsd: 1 };
    const before = await counts();
    for (const variant of hostileVariants(goodStart)) {
      const answer = await callRest("start", variant.body);
      calls++;
      if (answer.status >= 500) internal.push(line("REST start", variant, answer));
      else if (variant.mustRefuse && !refusedWell(variant, answer)) wrong.push(line("REST start", variant, answer));
    }
    for (const [route, name] of [["start", "flowId"], ["events", "runId"]] as const) {
      const answer = await callRest(route, goodStart, encodeURIComponent(`bad\u0000id`));
      calls++;
      if (answer.status !== 400 || !new RegExp(`${name}.*U\\+0000`).test(answer.message)) wrong.push(`REST ${route}: U+0000 in ${name} → ${answer.status} ${answer.message}`);
    }
    const runsStarted = JSON.parse(await counts())[2] - JSON.parse(before)[2];

    const log = server.output.slice(logBefore);
    console.info(`hostile HTTP: ${calls} requests, ${internal.length} answered 500 (or not at all), ${wrong.length} wrong refusals, ${log.length} log lines`);
    expect({ internal, wrong, written }).toEqual({ internal: [], wrong: [], written: [] });
    // Only the accepted REST variants (prototype keys, wrong-but-coercible types) started runs.
    expect(runsStarted).toBeLessThanOrEqual(hostileVariants(goodStart).filter((v) => !v.mustRefuse).length);
    // One line per internal error at most, and none of Prisma's dump, code frames or stacks.
    expect(log.filter((l) => /Invalid `|^\s+\d+\s|^\s+at |prisma:error/.test(l))).toEqual([]);
  });
});
