import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { Browser, readSse, until, type SseFrame } from "./support/browser";
import { startKeyEchoServer, type KeyEchoServer } from "./support/key-echo-openai-server";
import { serverEnv, startProcess, type ServerProcess } from "./support/processes";

/** Attacks over real HTTP against a real server process (with an in-process worker). */
const SCRIPT = `<script>alert("x")</script><img src=x onerror="alert(1)">`;
const SECRET = "sk-proj-HTTPATTACK0123456789abcdefSECRET";
const EVIL = "https://evil.example";

function flow(name: string, model: Record<string, unknown>) {
  return {
    format: "switchyard.flow/v1",
    name,
    inputs: [{ name: "question", type: "string" }],
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      {
        id: "ask",
        type: "model",
        data: { prompt: "{{input.question}}", retry: { maxAttempts: 1 }, ...model },
      },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "in", target: "ask" },
      { source: "ask", target: "out" },
    ],
  };
}

let database: TestDatabase;
let echo: KeyEchoServer;
let server: ServerProcess;
let url: string;
let alice: Browser;
let workspaceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  echo = await startKeyEchoServer();
  server = await startProcess(
    "server",
    await serverEnv(database.url, {
      SWITCHYARD_IN_PROCESS_WORKER: "true",
      OPENAI_BASE_URL: echo.baseURL,
      SWITCHYARD_REST_LIMIT: "3",
      SWITCHYARD_RUN_START_LIMIT: "5",
    }),
  );
  url = server.url!;
  alice = new Browser(url);
  await alice.signUp(`alice-${Date.now()}@example.com`);
  ({ id: workspaceId } = await alice.mutate<{ id: string }>("workspaces.create", { name: "Team" }));
}, 120_000);

afterAll(async () => {
  server?.kill("SIGKILL");
  await server?.exited;
  await echo?.close();
  await database?.drop();
});

describe("cross-site requests", () => {
  it("are refused with 403 and change nothing, whatever they aim at", async () => {
    const flows = await database.db.flow.count();
    const keys = await database.db.apiKey.count();
    const attempts = [
      alice.trpc(
        "flows.create",
        { workspaceId, name: "Planted" },
        { headers: alice.headers({ origin: EVIL }) },
      ),
      alice.trpc(
        "apiKeys.create",
        { workspaceId, name: "Backdoor" },
        { headers: alice.headers({ origin: EVIL }) },
      ),
      alice.trpc(
        "flows.create",
        { workspaceId, name: "Planted" },
        { headers: { ...alice.headers(), origin: "null" } },
      ),
      // A form post carries no Origin in old browsers, but a Referer or the cookie gives it away.
      fetch(`${url}/api/trpc/flows.create`, {
        method: "POST",
        headers: {
          cookie: alice.cookie,
          referer: `${EVIL}/page`,
          "content-type": "application/json",
        },
        body: "{}",
      }),
      fetch(`${url}/api/trpc/flows.create`, {
        method: "POST",
        headers: { cookie: alice.cookie, "content-type": "text/plain" },
        body: JSON.stringify({ workspaceId, name: "Planted" }),
      }),
      fetch(`${url}/api/auth/sign-out`, {
        method: "POST",
        headers: alice.headers({ origin: EVIL }),
      }),
      fetch(`${url}/api/auth/update-user`, {
        method: "POST",
        headers: alice.headers({ origin: EVIL }),
        body: JSON.stringify({ name: "Pwned" }),
      }),
      fetch(`${url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { origin: EVIL, "content-type": "application/json" },
        body: JSON.stringify({ email: "attacker@example.com", password: "x".repeat(12) }),
      }),
      fetch(`${url}/api/trpc/flows.create`, {
        method: "POST",
        headers: alice.headers({ "sec-fetch-site": "cross-site" }),
        body: JSON.stringify({ workspaceId, name: "Planted" }),
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: { code: "cross_site", message: "Cross-site requests may not change anything." },
      });
    }
    expect(await database.db.flow.count()).toBe(flows);
    expect(await database.db.apiKey.count()).toBe(keys);
    // Still signed in, under the same name.
    const me = await alice.query<{ user: { name: string } | null }>("me.get");
    expect(me.user?.name).toMatch(/^alice-/);
  });

  it("cannot use GET to change anything either", async () => {
    const flows = await database.db.flow.count();
    const res = await alice.trpc(
      "flows.create",
      { workspaceId, name: "Planted" },
      { method: "GET", headers: alice.headers({ origin: EVIL }) },
    );
    expect(res.ok).toBe(false);
    expect(await database.db.flow.count()).toBe(flows);
  });

  it("leave same-origin requests alone", async () => {
    const res = await alice.trpc("flows.create", { workspaceId, name: "Legit" });
    expect(res.status).toBe(200);
  });
});

describe("script in a flow name or a model output", () => {
  it("comes back as JSON data, verbatim, never as HTML", async () => {
    const { id: flowId } = await alice.mutate<{ id: string }>("flows.import", {
      workspaceId,
      document: flow(SCRIPT, { model: "sim:fast", sim: { reply: SCRIPT } }),
    });
    const byId = await alice.trpc("flows.byId", { id: flowId }, { method: "GET" });
    expect(byId.headers.get("content-type")).toMatch(/^application\/json/);
    expect(byId.headers.get("x-content-type-options")).toBe("nosniff");
    expect(((await byId.json()) as { result: { data: { name: string } } }).result.data.name).toBe(
      SCRIPT,
    );

    const { runId } = await alice.mutate<{ runId: string }>("runs.start", {
      flowId,
      inputs: { question: "q" },
    });
    const events = await fetch(`${url}/api/v1/runs/${runId}/events`, { headers: alice.headers() });
    expect(events.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const frames = await readSse(events, () => undefined);
    const completed = frames
      .map(
        (f) => JSON.parse(f.data) as { type: string; nodeId?: string; output?: { text: string } },
      )
      .find((e) => e.type === "node.completed" && e.nodeId === "ask");
    expect(completed?.output?.text).toBe(SCRIPT);

    const run = await alice.trpc("runs.byId", { runId }, { method: "GET" });
    expect(run.headers.get("content-type")).toMatch(/^application\/json/);
    expect(
      ((await run.json()) as { result: { data: { outputs: unknown } } }).result.data.outputs,
    ).toEqual({ answer: SCRIPT });
  });

  it("meets a content security policy in the web app that runs only our own scripts", async () => {
    const page = await fetch(`${url}/flows/anything`);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("a stored provider key", () => {
  it("reaches the provider from the worker and nowhere else: no response, event, row or log line", async () => {
    await alice.mutate("credentials.set", { workspaceId, provider: "openai", key: SECRET });
    const { id: flowId } = await alice.mutate<{ id: string }>("flows.import", {
      workspaceId,
      document: flow("Paid", { model: "openai:gpt-4o-mini" }),
    });
    const { runId } = await alice.mutate<{ runId: string }>("runs.start", {
      flowId,
      inputs: { question: "q" },
    });
    const stream = await readSse(
      await fetch(`${url}/api/v1/runs/${runId}/events`, { headers: alice.headers() }),
      () => undefined,
    );
    expect(stream.at(-1)?.event).toBe("run.failed");
    expect(echo.keysSeen).toContain(SECRET); // the worker really used it, and the provider quoted it back

    const responses = [
      stream,
      await alice.query("runs.byId", { runId }),
      await alice.query("runs.events", { runId }),
      await alice.query("runs.list", { flowId }),
      await alice.query("flows.export", { id: flowId }),
      await alice.query("flows.byId", { id: flowId }),
      await alice.query("credentials.list", { workspaceId }),
      await alice.query("catalog.models", { workspaceId }),
      await alice.query("workspaces.audit", { workspaceId }),
      await alice.mutate("credentials.test", { workspaceId, provider: "openai" }),
    ];
    const text = JSON.stringify(responses);
    expect(text).toContain("Incorrect API key provided");
    expect(text).not.toContain(SECRET);

    const tables = await database.db.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema IN ('public') AND table_type = 'BASE TABLE'`;
    for (const { name } of tables) {
      const hits = await database.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${name}" x WHERE x::text LIKE $1`,
        `%${SECRET}%`,
      );
      expect(hits[0]!.n, `the key appears in ${name}`).toBe(0);
    }
    const jobs = await database.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job x WHERE x::text LIKE $1`,
      `%${SECRET}%`,
    );
    expect(jobs[0]!.n).toBe(0);
    expect(server.output.join("\n")).not.toContain(SECRET);
  }, 60_000);
});

describe("live streams when access is taken away", () => {
  /** A run that stays running for a while (a slow simulated model). */
  async function slowRun(): Promise<{ flowId: string; runId: string }> {
    const { id: flowId } = await alice.mutate<{ id: string }>("flows.import", {
      workspaceId,
      document: flow("Slow", {
        model: "sim:fast",
        timeoutMs: 120_000,
        sim: { reply: "late", latencyMs: 60_000 },
      }),
    });
    const { runId } = await alice.mutate<{ runId: string }>("runs.start", {
      flowId,
      inputs: { question: "q" },
    });
    return { flowId, runId };
  }

  /** Follows a stream in the background until it ends. */
  function follow(res: Promise<Response>) {
    const frames: SseFrame[] = [];
    const done = res.then((r) => readSse(r, (f) => void frames.push(f))).then(() => Date.now());
    return { frames, done };
  }

  it("end within a second when a share is revoked (REST SSE with a session, and the tRPC subscription)", async () => {
    const bob = new Browser(url);
    const bobUser = await bob.signUp(`bob-${Date.now()}@example.com`);
    const { flowId, runId } = await slowRun();
    const share = await alice.mutate<{ id: string }>("shares.shareWithUser", {
      flowId,
      email: bobUser.email,
      role: "viewer",
    });

    const rest = follow(fetch(`${url}/api/v1/runs/${runId}/events`, { headers: bob.headers() }));
    const trpc = follow(
      fetch(
        `${url}/api/trpc/runs.onRunEvents?input=${encodeURIComponent(JSON.stringify({ runId }))}`,
        { headers: bob.headers({ accept: "text/event-stream" }) },
      ),
    );
    await until(
      () =>
        rest.frames.some((f) => f.event === "run.started") &&
        trpc.frames.some((f) => f.data.includes("run.started")),
    );

    const revokedAt = Date.now();
    await alice.mutate("shares.revoke", { shareId: share.id });
    const [restEnded, trpcEnded] = await Promise.all([rest.done, trpc.done]);
    expect(restEnded - revokedAt).toBeLessThan(1000);
    expect(trpcEnded - revokedAt).toBeLessThan(1000);
    expect(rest.frames.at(-1)).toMatchObject({ event: "stream.error" });
    expect(JSON.parse(rest.frames.at(-1)!.data)).toEqual({
      error: { code: "not_found", message: "Run not found" },
    });
    expect(trpc.frames.find((f) => f.event === "serialized-error")?.data).toContain(
      "Run not found",
    );
    await alice.mutate("runs.cancel", { runId });
  }, 30_000);

  it("end within a second when the API key reading them is revoked", async () => {
    const { runId } = await slowRun();
    const { id, key } = await alice.mutate<{ id: string; key: string }>("apiKeys.create", {
      workspaceId,
      name: "reader",
      role: "viewer",
    });
    const stream = follow(
      fetch(`${url}/api/v1/runs/${runId}/events`, { headers: { authorization: `Bearer ${key}` } }),
    );
    await until(() => stream.frames.some((f) => f.event === "run.started"));
    const revokedAt = Date.now();
    await alice.mutate("apiKeys.revoke", { workspaceId, id });
    expect((await stream.done) - revokedAt).toBeLessThan(1000);
    expect(JSON.parse(stream.frames.at(-1)!.data)).toEqual({
      error: { code: "invalid_api_key", message: "The API key is invalid or has been revoked." },
    });
    await alice.mutate("runs.cancel", { runId });
  }, 30_000);
});

describe("rate limits", () => {
  it("answer a busy API key with 429 and Retry-After", async () => {
    const { id: flowId } = await alice.mutate<{ id: string }>("flows.import", {
      workspaceId,
      document: flow("Limited", { model: "sim:fast" }),
    });
    const { key } = await alice.mutate<{ key: string }>("apiKeys.create", {
      workspaceId,
      name: "busy",
    });
    const start = () =>
      fetch(`${url}/api/v1/flows/${flowId}/runs`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ inputs: { question: "q" } }),
      });
    const statuses = [(await start()).status, (await start()).status, (await start()).status];
    expect(statuses).toEqual([201, 201, 201]);
    const runs = await database.db.run.count();
    const limited = await start();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(((await limited.json()) as { error: unknown }).error).toEqual({
      code: "rate_limited",
      message: expect.stringMatching(
        /^Too many requests: at most 3 per 60 seconds for each API key or user\. Retry in \d+ seconds\.$/,
      ),
    });
    expect(await database.db.run.count()).toBe(runs);
  });

  it("answer a user starting too many runs with 429 TOO_MANY_REQUESTS", async () => {
    const carol = new Browser(url);
    await carol.signUp(`carol-${Date.now()}@example.com`);
    const ws = (await carol.query<{ workspaces: { id: string }[] }>("me.get")).workspaces[0]!.id;
    const { id: flowId } = await carol.mutate<{ id: string }>("flows.import", {
      workspaceId: ws,
      document: flow("Mine", { model: "sim:fast" }),
    });
    for (let i = 0; i < 5; i += 1)
      await carol.mutate("runs.start", { flowId, inputs: { question: "q" } });
    const res = await carol.trpc("runs.start", { flowId, inputs: { question: "q" } });
    expect(res.status).toBe(429);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe("TOO_MANY_REQUESTS");
    expect(body.error.message).toMatch(
      /^You have started 5 runs in the last 60 seconds, the most allowed; try again in \d+ seconds\.$/,
    );
  });
});

describe("brute-force sign-in over HTTP", () => {
  it("is refused from the 6th try in a minute, the right password included", async () => {
    const email = `dave-${Date.now()}@example.com`;
    await new Browser(url).signUp(email, "the right password");
    const signIn = (password: string) =>
      fetch(`${url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { origin: url, "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await signIn(`guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const sixth = await signIn("guess-6");
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("x-retry-after"))).toBeGreaterThan(0);
    const right = await signIn("the right password");
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie()).toEqual([]);
  });
});

describe("oversized account requests", () => {
  it("are refused with 413 before better-auth reads them, with or without a declared length", async () => {
    const huge = JSON.stringify({ email: "big@example.com", password: "correct horse battery staple", name: "x".repeat(1_000_000) });
    const declared = await fetch(`${url}/api/auth/sign-up/email`, { method: "POST", headers: { origin: url, "content-type": "application/json" }, body: huge });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toMatch(/at most 64 kB/);
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const streamed = await fetch(`${url}/api/auth/sign-in/email`, { method: "POST", headers: { origin: url, "content-type": "application/json" }, body: chunks, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});
