import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@switchyard/core";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { startCountingOpenAIServer, type CountingServer } from "./support/counting-openai-server";
import { HttpClient } from "./support/http-client";
import { serverEnv, startProcess, type ServerProcess } from "./support/processes";

/** Two slow model calls in a row, on a real OpenAI-protocol server that counts its calls. */
const pipeline = {
  format: "switchyard.flow/v1",
  name: "Slow pair",
  inputs: [{ name: "question", type: "string" }],
  nodes: [
    { id: "in", type: "input", data: { name: "question" } },
    {
      id: "s1",
      type: "model",
      data: {
        model: "mock:slow",
        prompt: "stage 1: {{input.question}}",
        retry: { maxAttempts: 1 },
      },
    },
    {
      id: "s2",
      type: "model",
      data: { model: "mock:slow", prompt: "stage 2: {{nodes.s1.text}}", retry: { maxAttempts: 1 } },
    },
    { id: "out", type: "output", data: { name: "answer" } },
  ],
  edges: [
    { source: "in", target: "s1" },
    { source: "s1", target: "s2" },
    { source: "s2", target: "out" },
  ],
};

/** Each model call takes this long: stage 2 would have started by then had the run gone on. */
const CALL_MS = 2500;

let database: TestDatabase;
let mock: CountingServer;
const processes: ServerProcess[] = [];
let worker: ServerProcess;
let client: HttpClient;

beforeAll(async () => {
  database = await createTestDatabase();
  mock = await startCountingOpenAIServer({ delayMs: CALL_MS });
  const env = await serverEnv(database.url, {
    SWITCHYARD_IN_PROCESS_WORKER: "false",
    // A lease renewed only every 20 s: a worker that stops sooner was told to, not left to find out.
    SWITCHYARD_LEASE_MS: "60000",
    SWITCHYARD_OPENAI_COMPATIBLE: JSON.stringify([{ name: "mock", baseURL: mock.baseURL }]),
  });
  const server = await startProcess("server", env);
  processes.push(server);
  worker = await startProcess("worker", env);
  processes.push(worker);
  client = new HttpClient(server.url!);
  await client.signUp(`deleted-${Date.now()}@example.com`);
}, 120_000);

afterAll(async () => {
  for (const p of processes) p.kill("SIGKILL");
  await Promise.all(processes.map((p) => p.exited));
  await mock?.close();
  await database?.drop();
});

const callsFor = (stage: number) => mock.callsStartingWith(`stage ${stage}:`);

async function importInto(workspaceId: string): Promise<string> {
  return (await client.mutate<{ id: string }>("flows.import", { workspaceId, document: pipeline }))
    .id;
}

describe("a workspace deleted while its run is on a worker", () => {
  it("stops the run at once; the worker carries on with other runs", async () => {
    const workspace = await client.mutate<{ id: string }>("workspaces.create", { name: "Doomed" });
    const flowId = await importInto(workspace.id);
    const stage1 = mock.received("stage 1:");
    const { runId } = await client.mutate<{ runId: string }>("runs.start", {
      flowId,
      inputs: { question: "doomed?" },
    });
    await stage1;

    const deletedAt = Date.now();
    await client.mutate("workspaces.delete", { workspaceId: workspace.id, confirmName: "Doomed" });
    const stopped = `run ${runId} was deleted with its workspace; stopped`;
    await expect
      .poll(() => worker.output.some((line) => line.includes(stopped)), { timeout: 10_000 })
      .toBe(true);
    expect(Date.now() - deletedAt).toBeLessThan(CALL_MS);
    // Measuring that nothing happens: had stage 1 not been aborted, stage 2 would be called by now.
    await new Promise((resolve) => setTimeout(resolve, CALL_MS + 500));
    expect(callsFor(2)).toBe(0);
    expect(worker.output.filter((line) => line.includes(runId))).toEqual([
      `[switchyard] ${stopped}`,
    ]);
    expect(worker.child.exitCode).toBeNull();
    await expect(client.query("runs.byId", { runId })).rejects.toThrow("Run not found");

    const me = await client.query<{ workspaces: { id: string; personal: boolean }[] }>("me.get");
    const personal = me.workspaces.find((w) => w.personal)!;
    const { runId: next } = await client.mutate<{ runId: string }>("runs.start", {
      flowId: await importInto(personal.id),
      inputs: { question: "still there?" },
    });
    const events: RunEvent[] = [];
    await client.followEvents(next, 0, (e) => void events.push(e));
    expect(events.at(-1)).toMatchObject({
      type: "run.completed",
      outputs: { answer: expect.stringContaining("answer to stage 2") },
    });
  }, 60_000);
});
