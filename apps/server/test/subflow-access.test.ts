import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { Browser, readSse } from "./support/browser";
import { serverEnv, startProcess, type ServerProcess } from "./support/processes";
import { askFlow, subflowFlow } from "./support/flows";

/**
 * A subflow runs only what the run's starter may read, checked by the worker for every subflow
 * it loads, at every depth: on a real server whose in-process worker runs the flows.
 * Ed edits one flow of the team's, shared with him; "Hidden" is never his to read.
 */
const SECRET_ANSWER = "The hidden answer.";


let database: TestDatabase;
let server: ServerProcess;
let olga: Browser;
let ed: Browser;
let edEmail: string;
let workspaceId: string;
let hiddenId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startProcess("server", await serverEnv(database.url, { SWITCHYARD_IN_PROCESS_WORKER: "true" }));
  olga = new Browser(server.url!);
  ed = new Browser(server.url!);
  await olga.signUp(`olga-${Date.now()}@example.com`);
  ({ email: edEmail } = await ed.signUp(`ed-${Date.now()}@example.com`));
  ({ id: workspaceId } = await olga.mutate<{ id: string }>("workspaces.create", { name: "Team" }));
  hiddenId = await importFlow(askFlow("Hidden", { reply: SECRET_ANSWER }));
}, 120_000);

afterAll(async () => {
  server?.kill("SIGKILL");
  await server?.exited;
  await database?.drop();
});

async function importFlow(document: unknown): Promise<string> {
  return (await olga.mutate<{ id: string }>("flows.import", { workspaceId, document })).id;
}

const share = async (flowId: string, role: "viewer" | "editor") => (await olga.mutate<{ id: string }>("shares.shareWithUser", { flowId, email: edEmail, role })).id;

/** Starts a run as `who` and follows it to its end: the last event and everything the stream said. */
async function runAs(who: Browser, flowId: string): Promise<{ last: { type: string; outputs?: Record<string, unknown>; error?: { message: string } }; text: string }> {
  const { runId } = await who.mutate<{ runId: string }>("runs.start", { flowId, inputs: { question: "What is hidden?" } });
  const res = await fetch(`${server.url}/api/v1/runs/${runId}/events`, { headers: who.headers() });
  expect(res.status).toBe(200);
  const frames = await readSse(res, () => undefined);
  return { last: JSON.parse(frames.at(-1)!.data) as never, text: frames.map((f) => f.data).join("\n") };
}

describe("a run whose subflow names a flow its starter may not read", () => {
  it("is refused when started, naming the subflow node, and nothing of the hidden flow's result reaches its starter", async () => {
    // Ed could read Hidden when he wired it in; then the share was revoked.
    const shared = await importFlow(askFlow("Shared", { reply: "Hello." }));
    await share(shared, "editor");
    const peek = await share(hiddenId, "viewer");
    await ed.mutate("flows.update", { id: shared, document: subflowFlow("Shared", hiddenId, "peek") });
    await olga.mutate("shares.revoke", { shareId: peek });

    const refused = await ed.trpc("runs.start", { flowId: shared, inputs: { question: "What is hidden?" } });
    expect(refused.status).toBe(400);
    const body = await refused.text();
    expect(body).toContain(`Subflow node 'peek' names flow '${hiddenId}', which does not exist in this workspace or you cannot read.`);
    expect(body).not.toContain(SECRET_ANSWER);

    // The same flow, started by someone who may read Hidden, runs it.
    expect((await runAs(olga, shared)).last).toMatchObject({ type: "run.completed", outputs: { answer: SECRET_ANSWER } });
  });

  it("is checked at every depth: a readable subflow that itself runs a hidden flow fails too", async () => {
    const inner = await importFlow(subflowFlow("Inner", hiddenId, "deep"));
    await share(inner, "viewer");
    const outer = await importFlow(askFlow("Outer", { reply: "Hello." }));
    await share(outer, "editor");
    await ed.mutate("flows.update", { id: outer, document: subflowFlow("Outer", inner, "wrapper") });

    const { last, text } = await runAs(ed, outer);
    expect(last.type).toBe("run.failed");
    expect(last.error?.message).toMatch(new RegExp(`^node 'wrapper' failed: subflow '${inner}' failed: node 'deep' failed: subflow '${hiddenId}' is not a flow of this workspace that whoever started the run may read`));
    expect(text).not.toContain(SECRET_ANSWER);
  });

  it("lets an API key of the workspace run the workspace's flows as subflows", async () => {
    const inner = await importFlow(subflowFlow("Inner for keys", hiddenId, "deep"));
    const { key } = await olga.mutate<{ key: string }>("apiKeys.create", { workspaceId, name: "CI", role: "editor" });
    const res = await fetch(`${server.url}/api/v1/flows/${inner}/runs?wait=true`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ inputs: { question: "q" } }),
    });
    expect(await res.json()).toMatchObject({ status: "completed", outputs: { answer: SECRET_ANSWER } });
  });
});
