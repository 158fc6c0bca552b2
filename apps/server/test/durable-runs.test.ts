import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@switchyard/core";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { startCountingOpenAIServer, type CountingServer } from "./support/counting-openai-server";
import { HttpClient } from "./support/http-client";
import { serverEnv, startProcess, type ServerProcess } from "./support/processes";

/** Four slow model calls in a row, on a real OpenAI-protocol server that counts its calls. */
const pipeline = {
  format: "switchyard.flow/v1",
  name: "Slow pipeline",
  inputs: [{ name: "question", type: "string" }],
  nodes: [
    { id: "in", type: "input", data: { name: "question" } },
    ...[1, 2, 3, 4].map((i) => ({
      id: `s${i}`,
      type: "model",
      data: {
        model: "mock:slow",
        prompt: i === 1 ? "stage 1: {{input.question}}" : `stage ${i}: {{nodes.s${i - 1}.text}}`,
        retry: { maxAttempts: 1 },
      },
    })),
    { id: "out", type: "output", data: { name: "answer" } },
  ],
  edges: [
    { source: "in", target: "s1" },
    { source: "s1", target: "s2" },
    { source: "s2", target: "s3" },
    { source: "s3", target: "s4" },
    { source: "s4", target: "out" },
  ],
};

let database: TestDatabase;
let mock: CountingServer;
let env: Record<string, string>;
let server: ServerProcess;
const processes: ServerProcess[] = [];
let client: HttpClient;
let flowId: string;

async function worker(): Promise<ServerProcess> {
  const started = await startProcess("worker", env);
  processes.push(started);
  return started;
}

const callsFor = (stage: number) => mock.callsStartingWith(`stage ${stage}:`);

beforeAll(async () => {
  database = await createTestDatabase();
  mock = await startCountingOpenAIServer({ delayMs: 700 });
  env = await serverEnv(database.url, {
    SWITCHYARD_IN_PROCESS_WORKER: "false",
    SWITCHYARD_LEASE_MS: "1500",
    SWITCHYARD_OPENAI_COMPATIBLE: JSON.stringify([{ name: "mock", baseURL: mock.baseURL }]),
  });
  server = await startProcess("server", env);
  processes.push(server);
  client = new HttpClient(server.url!);
  await client.signUp(`durable-${Date.now()}@example.com`);
  const me = await client.query<{ workspaces: { id: string }[] }>("me.get");
  ({ id: flowId } = await client.mutate<{ id: string }>("flows.import", {
    workspaceId: me.workspaces[0]!.id,
    document: pipeline,
  }));
}, 120_000);

afterAll(async () => {
  for (const p of processes) p.kill("SIGKILL");
  await Promise.all(processes.map((p) => p.exited));
  await mock?.close();
  await database?.drop();
});

function expectContiguous(events: RunEvent[]): void {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
}

describe("durable runs across processes", () => {
  it("streams a run over SSE; a dropped connection resumes with nothing lost or duplicated", async () => {
    const workerA = await worker();
    const { runId } = await client.mutate<{ runId: string }>("runs.start", {
      flowId,
      inputs: { question: "resume?" },
    });
    const events: RunEvent[] = [];
    await client.followEvents(runId, 0, (e) => {
      events.push(e);
      return events.length === 6; // hang up mid-run
    });
    expect(events.at(-1)?.type).not.toBe("run.completed");
    await client.followEvents(runId, events.at(-1)!.seq, (e) => void events.push(e));
    expectContiguous(events);
    expect(events.at(-1)).toMatchObject({
      type: "run.completed",
      outputs: { answer: expect.stringContaining("answer to stage 4") },
    });
    workerA.kill("SIGTERM");
    expect(await workerA.exited).toBe(0);
  }, 60_000);

  it("a worker killed mid-run (SIGKILL): another worker finishes it without re-calling finished model nodes", async () => {
    mock.calls.clear();
    const workerA = await worker();
    const { runId } = await client.mutate<{ runId: string }>("runs.start", {
      flowId,
      inputs: { question: "crash?" },
    });
    const events: RunEvent[] = [];
    // Kill only once s1's result is stored (its completion reached the stream) and s2's call has
    // reached the provider: otherwise the crash could land before s2 was ever requested.
    let s2Started!: () => void;
    const s2StartedSeen = new Promise<void>((resolve) => (s2Started = resolve));
    const killed = Promise.all([s2StartedSeen, mock.received("stage 2:")]).then(() => {
      workerA.kill("SIGKILL");
      return worker();
    });
    await client.followEvents(runId, 0, (e) => {
      events.push(e);
      if (e.type === "node.started" && e.nodeId === "s2") s2Started();
    });
    await killed;
    expectContiguous(events);
    expect(events.at(-1)).toMatchObject({
      type: "run.completed",
      outputs: { answer: expect.stringContaining("answer to stage 4") },
    });
    // s1 finished before the crash and is not paid for twice; s2 was in flight and ran again.
    expect([callsFor(1), callsFor(2), callsFor(3), callsFor(4)]).toEqual([1, 2, 1, 1]);
    const run = await client.query<{ attempts: number; status: string; costUsd: number }>(
      "runs.byId",
      { runId },
    );
    expect(run.status).toBe("completed");
    expect(run.attempts).toBe(2);
  }, 60_000);

  it("a worker stopped gracefully (SIGTERM) hands its run back; the next worker finishes it", async () => {
    mock.calls.clear();
    const workerB = await worker();
    const { runId } = await client.mutate<{ runId: string }>("runs.start", {
      flowId,
      inputs: { question: "graceful?" },
    });
    const events: RunEvent[] = [];
    let stopped = false;
    await client.followEvents(runId, 0, (e) => {
      events.push(e);
      if (!stopped && e.type === "node.completed" && e.nodeId === "s2") {
        stopped = true;
        workerB.kill("SIGTERM");
        void workerB.exited.then(() => worker());
      }
    });
    expect(await workerB.exited).toBe(0);
    expectContiguous(events);
    expect(events.some((e) => e.type === "run.cancelled" || e.type === "run.failed")).toBe(false);
    expect(events.at(-1)?.type).toBe("run.completed");
    expect([callsFor(1), callsFor(2)]).toEqual([1, 1]);
  }, 60_000);

  it("the REST endpoint starts a run with an API key and waits for its outputs", async () => {
    const me = await client.query<{ workspaces: { id: string }[] }>("me.get");
    const { key } = await client.mutate<{ key: string }>("apiKeys.create", {
      workspaceId: me.workspaces[0]!.id,
      name: "ci",
    });
    const res = await fetch(`${server.url}/api/v1/flows/${flowId}/runs?wait=true`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ inputs: { question: "rest?" }, seed: 3 }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      outputs: { answer: string };
      costUsd: number;
      tokens: { input: number };
    };
    expect(body).toMatchObject({
      status: "completed",
      outputs: { answer: expect.stringContaining("answer to stage 4") },
    });
    expect(body.tokens.input).toBe(40);
    const denied = await fetch(`${server.url}/api/v1/flows/${flowId}/runs`, {
      method: "POST",
      headers: { authorization: "Bearer sy_AAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB" },
    });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({
      error: { code: "invalid_api_key", message: "The API key is invalid or has been revoked." },
    });
  }, 60_000);
});
