import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { REST_ROUTES } from "../src/http/rest-runs";
import { Browser, readSse } from "./support/browser";
import { serverEnv, startProcess, type ServerProcess } from "./support/processes";

/**
 * The REST routes against every kind of caller, on a real server with an in-process worker.
 * A route without a row here fails the test.
 */
const ask = {
  format: "switchyard.flow/v1",
  name: "Ask",
  inputs: [{ name: "question", type: "string" }],
  nodes: [
    { id: "in", type: "input", data: { name: "question" } },
    {
      id: "ask",
      type: "model",
      data: {
        model: "sim:fast",
        prompt: "{{input.question}}",
        sim: { reply: "Canberra.", latencyMs: 10 },
      },
    },
    { id: "out", type: "output", data: { name: "answer" } },
  ],
  edges: [
    { source: "in", target: "ask" },
    { source: "ask", target: "out" },
  ],
};

const CALLERS = [
  "editorKey",
  "viewerKey",
  "otherWorkspaceKey",
  "revokedKey",
  "noKey",
  "memberCookie",
  "outsiderCookie",
] as const;
type Caller = (typeof CALLERS)[number];

/** Expected HTTP status per route and caller. */
const expected: Record<keyof typeof REST_ROUTES, Record<Caller, number>> = {
  startRun: {
    editorKey: 201,
    viewerKey: 403,
    otherWorkspaceKey: 404,
    revokedKey: 401,
    noKey: 401,
    memberCookie: 401,
    outsiderCookie: 401,
  },
  runEvents: {
    editorKey: 200,
    viewerKey: 200,
    otherWorkspaceKey: 404,
    revokedKey: 401,
    noKey: 401,
    memberCookie: 200,
    outsiderCookie: 404,
  },
};

let database: TestDatabase;
let server: ServerProcess;
let owner: Browser;
let outsider: Browser;
let flowId: string;
let runId: string;
const keys = {} as Record<"editorKey" | "viewerKey" | "otherWorkspaceKey" | "revokedKey", string>;

function headersFor(who: Caller): Record<string, string> {
  if (who in keys) return { authorization: `Bearer ${keys[who as keyof typeof keys]}` };
  if (who === "memberCookie") return owner.headers();
  if (who === "outsiderCookie") return outsider.headers();
  return {};
}

function request(route: keyof typeof REST_ROUTES, who: Caller): Promise<Response> {
  const headers = { "content-type": "application/json", ...headersFor(who) };
  if (route === "startRun") {
    return fetch(`${server.url}/api/v1/flows/${flowId}/runs`, {
      method: "POST",
      headers,
      body: JSON.stringify({ inputs: { question: "q" } }),
    });
  }
  return fetch(`${server.url}/api/v1/runs/${runId}/events`, { headers });
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startProcess(
    "server",
    await serverEnv(database.url, { SWITCHYARD_IN_PROCESS_WORKER: "true" }),
  );
  owner = new Browser(server.url!);
  outsider = new Browser(server.url!);
  await owner.signUp(`owner-${Date.now()}@example.com`);
  await outsider.signUp(`outsider-${Date.now()}@example.com`);

  const { id: workspaceId } = await owner.mutate<{ id: string }>("workspaces.create", {
    name: "Team",
  });
  ({ id: flowId } = await owner.mutate<{ id: string }>("flows.import", {
    workspaceId,
    document: ask,
  }));
  const key = async (client: Browser, ws: string, role: "editor" | "viewer") =>
    client.mutate<{ id: string; key: string }>("apiKeys.create", {
      workspaceId: ws,
      name: role,
      role,
    });
  keys.editorKey = (await key(owner, workspaceId, "editor")).key;
  keys.viewerKey = (await key(owner, workspaceId, "viewer")).key;
  const revoked = await key(owner, workspaceId, "editor");
  await owner.mutate("apiKeys.revoke", { workspaceId, id: revoked.id });
  keys.revokedKey = revoked.key;
  const outsiderWs = (await outsider.query<{ workspaces: { id: string }[] }>("me.get"))
    .workspaces[0]!.id;
  keys.otherWorkspaceKey = (await key(outsider, outsiderWs, "editor")).key;

  const finished = await fetch(`${server.url}/api/v1/flows/${flowId}/runs?wait=true`, {
    method: "POST",
    headers: { authorization: `Bearer ${keys.editorKey}`, "content-type": "application/json" },
    body: JSON.stringify({ inputs: { question: "q" } }),
  });
  expect(finished.status).toBe(200);
  ({ runId } = (await finished.json()) as { runId: string });
}, 120_000);

afterAll(async () => {
  server?.kill("SIGKILL");
  await server?.exited;
  await database?.drop();
});

describe("REST permissions", () => {
  it("has a row for every REST route", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(REST_ROUTES).sort());
  });

  const cells = (Object.keys(expected) as (keyof typeof REST_ROUTES)[]).flatMap((route) =>
    CALLERS.map((who) => [route, who] as const),
  );

  it.each(cells)("%s with %s", async (route, who) => {
    const runsBefore = await database.db.run.count();
    const res = await request(route, who);
    const status = expected[route][who];
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      const frames = await readSse(res, () => undefined);
      expect(frames.map((f) => f.event).at(-1)).toBe("run.completed");
      return;
    }
    const body = (await res.json()) as { error: { code: string; message: string }; runId?: string };
    if (status === 201) {
      expect(body).toMatchObject({
        status: "queued",
        eventsUrl: `/api/v1/runs/${body.runId}/events`,
      });
      expect(await database.db.run.count()).toBe(runsBefore + 1);
      return;
    }
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(await database.db.run.count()).toBe(runsBefore);
  });

  it("explains each refusal in words", async () => {
    const bodies = await Promise.all(
      (["viewerKey", "otherWorkspaceKey", "revokedKey", "noKey", "memberCookie"] as const).map(
        async (who) => [
          who,
          ((await (await request("startRun", who)).json()) as { error: unknown }).error,
        ],
      ),
    );
    expect(Object.fromEntries(bodies)).toEqual({
      viewerKey: { code: "forbidden", message: "This API key may read runs but not start them." },
      otherWorkspaceKey: { code: "not_found", message: "Flow not found" },
      revokedKey: {
        code: "invalid_api_key",
        message: "The API key is invalid or has been revoked.",
      },
      noKey: {
        code: "api_key_required",
        message: "Send an API key as 'Authorization: Bearer sy_…'.",
      },
      memberCookie: {
        code: "api_key_required",
        message: "Send an API key as 'Authorization: Bearer sy_…'.",
      },
    });
  });
});
