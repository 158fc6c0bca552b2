import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { Browser, readSse, type SseFrame } from "./support/browser";
import { serverEnv, startProcess, type ServerProcess } from "./support/processes";
import { askFlow } from "./support/flows";

// Long enough that the stream is still open when the member is removed.
const slow = askFlow("Slow", { latencyMs: 120_000 });

/**
 * A member's API keys are worth no more than the member, on a real server: once an owner is
 * removed, his key can't start runs and his key's open event stream ends; once a member is made
 * a viewer, his key may only read.
 */

let database: TestDatabase;
let server: ServerProcess;
let olga: Browser;
let workspaceId: string;
let flowId: string;

/** Someone who joins the team as `role` and makes an editor key there (as an owner, the only ones who can). */
async function memberWithKey(name: string): Promise<{ userId: string; key: string }> {
  const member = new Browser(server.url!);
  const { id: userId, email } = await member.signUp(`${name}-${Date.now()}@example.com`);
  const { path } = await olga.mutate<{ path: string }>("workspaces.invite", { workspaceId, email, role: "owner" });
  await member.mutate("workspaces.acceptInvite", { token: path.slice(path.lastIndexOf("/") + 1) });
  const { key } = await member.mutate<{ key: string }>("apiKeys.create", { workspaceId, name: `${name}'s CI`, role: "editor" });
  return { userId, key };
}

const start = (key: string) =>
  fetch(`${server.url}/api/v1/flows/${flowId}/runs`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ inputs: { question: "q" } }),
  });

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startProcess("server", await serverEnv(database.url, { SWITCHYARD_IN_PROCESS_WORKER: "true" }));
  olga = new Browser(server.url!);
  await olga.signUp(`olga-${Date.now()}@example.com`);
  ({ id: workspaceId } = await olga.mutate<{ id: string }>("workspaces.create", { name: "Team" }));
  ({ id: flowId } = await olga.mutate<{ id: string }>("flows.import", { workspaceId, document: slow }));
}, 120_000);

afterAll(async () => {
  server?.kill("SIGKILL");
  await server?.exited;
  await database?.drop();
});

describe("a removed owner's API key", () => {
  it("gets 401 on start, and its open event stream ends", { timeout: 60_000 }, async () => {
    const oscar = await memberWithKey("oscar");
    const started = await start(oscar.key);
    expect(started.status).toBe(201);
    const { eventsUrl } = (await started.json()) as { eventsUrl: string };

    const stream = await fetch(`${server.url}${eventsUrl}`, { headers: { authorization: `Bearer ${oscar.key}` } });
    expect(stream.status).toBe(200);
    const frames: SseFrame[] = [];
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const ended = readSse(stream, (frame) => {
      frames.push(frame);
      if (frame.event === "run.started") opened();
    });
    await open;

    await olga.mutate("workspaces.removeMember", { workspaceId, userId: oscar.userId });

    // It ends (well within the test's margin), with the reason, before the run does.
    await ended;
    expect(frames.at(-1)?.event).toBe("stream.error");
    expect(JSON.parse(frames.at(-1)!.data)).toEqual({ error: { code: "invalid_api_key", message: "The API key is invalid or has been revoked." } });
    expect(frames.map((f) => f.event)).not.toContain("run.completed");

    const refused = await start(oscar.key);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: { code: "invalid_api_key", message: "The API key is invalid or has been revoked." } });
  });
});

describe("a member made a viewer", () => {
  it("keeps a key that may read runs but no longer start them", async () => {
    const vera = await memberWithKey("vera");
    expect((await start(vera.key)).status).toBe(201);
    await olga.mutate("workspaces.setRole", { workspaceId, userId: vera.userId, role: "viewer" });
    const refused = await start(vera.key);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "forbidden", message: "This API key may read runs but not start them." } });
  });
});
