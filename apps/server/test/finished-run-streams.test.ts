import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { Browser, readSse } from "./support/browser";
import { serverEnv, startProcess, type ServerProcess } from "./support/processes";
import { askFlow } from "./support/flows";

/** A flow that finishes at once on a simulated model. */
const quick = askFlow("Quick", { latencyMs: 0 });

let database: TestDatabase;
let server: ServerProcess;
let alice: Browser;
let key: string;
let runId: string;
let lastSeq: number;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startProcess("server", await serverEnv(database.url, { SWITCHYARD_REST_LIMIT: "10000" }));
  alice = new Browser(server.url!);
  await alice.signUp(`streams-${Date.now()}@example.com`);
  const { workspaces } = await alice.query<{ workspaces: { id: string }[] }>("me.get");
  const workspaceId = workspaces[0]!.id;
  const { id: flowId } = await alice.mutate<{ id: string }>("flows.import", { workspaceId, document: quick });
  ({ key } = await alice.mutate<{ key: string }>("apiKeys.create", { workspaceId, name: "reader" }));
  const started = await fetch(`${server.url}/api/v1/flows/${flowId}/runs?wait=true`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ inputs: { question: "capital?" } }),
  });
  ({ runId } = (await started.json()) as { runId: string });
  const events = await alice.query<{ seq: number }[]>("runs.events", { runId });
  lastSeq = events.at(-1)!.seq;
}, 120_000);

afterAll(async () => {
  server?.kill("SIGKILL");
  await server?.exited;
  await database?.drop();
});

const stream = (lastEventId: string, signal?: AbortSignal) =>
  fetch(`${server.url}/api/v1/runs/${runId}/events`, { headers: { authorization: `Bearer ${key}`, "last-event-id": lastEventId }, ...(signal ? { signal } : {}) });

/** Resolves with the stream's frames when it ends, or with "still open" after `ms`. */
async function endsWithin(res: Response, ms: number) {
  const timeout = new Promise<"still open">((resolve) => setTimeout(() => resolve("still open"), ms));
  return Promise.race([readSse(res, () => undefined), timeout]);
}

describe("streams of a run that has ended", () => {
  it("replay everything from the start, then end", async () => {
    const frames = await endsWithin(await stream("0"), 10_000);
    expect(frames).not.toBe("still open");
    expect((frames as { event: string }[]).at(-1)?.event).toBe("run.completed");
  });

  it("end at once when the reader has seen every event, as EventSource reconnects do — a hundred at a time", async () => {
    const controller = new AbortController();
    try {
      const responses = await Promise.all(Array.from({ length: 100 }, () => stream(String(lastSeq), controller.signal)));
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
      const outcomes = await Promise.all(responses.map((r) => endsWithin(r, 10_000)));
      expect(outcomes.filter((o) => o === "still open")).toHaveLength(0);
      expect(outcomes.flatMap((o) => (o === "still open" ? [] : o))).toEqual([]);
    } finally {
      controller.abort();
    }
  }, 60_000);

  it("end the tRPC subscription too, without an error", async () => {
    const input = encodeURIComponent(JSON.stringify({ runId, lastEventId: String(lastSeq) }));
    const res = await fetch(`${server.url}/api/trpc/runs.onRunEvents?input=${input}`, { headers: alice.headers({ accept: "text/event-stream" }) });
    const frames = await endsWithin(res, 10_000);
    expect(frames).not.toBe("still open");
    expect((frames as { event: string }[]).map((f) => f.event)).not.toContain("serialized-error");
  });

  it("answer a Last-Event-ID that can't be an event's id with 400, not an internal error", async () => {
    for (const id of ["2147483648", "99999999999999999999", "-1", "12abc"]) {
      const res = await stream(id);
      expect({ id, status: res.status }).toEqual({ id, status: 400 });
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^Last-Event-ID must be the id of an event/);
    }
    const input = encodeURIComponent(JSON.stringify({ runId, lastEventId: "2147483648" }));
    const res = await fetch(`${server.url}/api/trpc/runs.onRunEvents?input=${input}`, { headers: alice.headers({ accept: "text/event-stream" }) });
    const frames = await endsWithin(res, 10_000);
    expect(JSON.stringify(frames)).toMatch(/BAD_REQUEST|must be the id of an event/);
  });
});
