import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { RunEvent } from "@switchyard/core";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { Browser, readSse } from "../../test/support/browser";
import { serverEnv, startProcess, type ServerProcess } from "../../test/support/processes";
import { startFaultServer, type FaultServer, type FaultServerOptions } from "./fault-server";

/** The flow a fault scenario runs: one model node per prompt, so the fault server's books are per node. */
export interface FaultStage {
  id: string;
  model: string;
  prompt: string;
  data?: Record<string, unknown>;
}

/** A pipeline of model nodes (each prompt unique to its run), input → … → output. */
export function pipeline(name: string, stages: FaultStage[], extra: { nodes?: unknown[]; edges?: unknown[] } = {}) {
  const ids = ["in", ...stages.map((s) => s.id), "out"];
  return {
    format: "switchyard.flow/v1",
    name,
    inputs: [{ name: "tag", type: "string" }],
    nodes: [
      { id: "in", type: "input", data: { name: "tag" } },
      ...stages.map((s) => ({ id: s.id, type: "model", data: { model: s.model, prompt: s.prompt, retry: { maxAttempts: 1 }, ...s.data } })),
      { id: "out", type: "output", data: { name: "answer" } },
      ...(extra.nodes ?? []),
    ],
    edges: [...ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id })), ...(extra.edges ?? [])],
  };
}

export interface FaultWorld {
  database: TestDatabase;
  faults: FaultServer;
  server: ServerProcess;
  env: Record<string, string>;
  browser: Browser;
  apiKey: string;
  workspaceId: string;
  processes: ServerProcess[];
  /** Another worker process on the same database. */
  worker(): Promise<ServerProcess>;
  /** Kills every worker process still running (not the server). */
  stopWorkers(): Promise<void>;
  importFlow(document: unknown): Promise<string>;
  /** Starts a run over REST, as a program would. */
  start(flowId: string, inputs: Record<string, unknown>): Promise<string>;
  /** Follows the run's SSE stream (resuming across dropped connections) until its terminal event. */
  waitForEnd(runId: string, timeoutMs?: number): Promise<RunEvent>;
  /** Every stored event of the run, page after page. */
  events(runId: string): Promise<RunEvent[]>;
  close(): Promise<void>;
}

/**
 * A real server (with its in-process worker unless `inProcessWorker` is false), a fault server it
 * reaches as the OpenAI-compatible endpoint `faulty` and as OpenAI itself, and a signed-up user
 * with an API key.
 */
export async function startFaultWorld(options: { inProcessWorker?: boolean; env?: Record<string, string>; faults?: FaultServerOptions } = {}): Promise<FaultWorld> {
  const database = await createTestDatabase();
  const faults = await startFaultServer(options.faults);
  const env = await serverEnv(database.url, {
    SWITCHYARD_IN_PROCESS_WORKER: String(options.inProcessWorker ?? true),
    SWITCHYARD_OPENAI_COMPATIBLE: JSON.stringify([{ name: "faulty", baseURL: faults.baseURL }]),
    OPENAI_API_KEY: "sk-fault-test-key",
    OPENAI_BASE_URL: faults.baseURL,
    SWITCHYARD_REST_LIMIT: "100000",
    SWITCHYARD_RUN_START_LIMIT: "100000",
    ...options.env,
  });
  const processes: ServerProcess[] = [];
  const server = await startProcess("server", env);
  processes.push(server);
  const browser = new Browser(server.url!);
  await browser.signUp(`faults-${Date.now()}@example.com`);
  const { workspaces } = await browser.query<{ workspaces: { id: string }[] }>("me.get");
  const workspaceId = workspaces[0]!.id;
  const { key: apiKey } = await browser.mutate<{ key: string }>("apiKeys.create", { workspaceId, name: "faults" });
  const rest = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", ...(init.headers as Record<string, string>) } });

  const world: FaultWorld = {
    database,
    faults,
    server,
    env,
    browser,
    apiKey,
    workspaceId,
    processes,
    async worker() {
      const started = await startProcess("worker", env);
      processes.push(started);
      return started;
    },
    async stopWorkers() {
      const workers = processes.filter((p) => p !== server && p.child.exitCode === null && p.child.signalCode === null);
      for (const w of workers) w.kill("SIGKILL");
      await Promise.all(workers.map((w) => w.exited));
    },
    async importFlow(document) {
      return (await browser.mutate<{ id: string }>("flows.import", { workspaceId, document })).id;
    },
    async start(flowId, inputs) {
      const res = await rest(`/api/v1/flows/${flowId}/runs`, { method: "POST", body: JSON.stringify({ inputs }) });
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { runId: string }).runId;
    },
    async waitForEnd(runId, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let last = 0;
      while (Date.now() < deadline) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), deadline - Date.now());
        let terminal: RunEvent | undefined;
        try {
          const res = await rest(`/api/v1/runs/${runId}/events`, { headers: { "last-event-id": String(last) }, signal: controller.signal });
          await readSse(res, (frame) => {
            if (frame.id) last = Number(frame.id);
            const event = JSON.parse(frame.data) as RunEvent;
            if (event.type === "run.completed" || event.type === "run.failed" || event.type === "run.cancelled") terminal = event;
            return terminal !== undefined;
          });
        } catch {
          // the server went away or the stream broke: resume from the last id
        } finally {
          clearTimeout(timer);
        }
        if (terminal) return terminal;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`run ${runId} did not end within ${timeoutMs} ms`);
    },
    async events(runId) {
      const all: RunEvent[] = [];
      for (;;) {
        const page = await browser.query<RunEvent[]>("runs.events", { runId, afterSeq: all.at(-1)?.seq ?? 0 });
        if (page.length === 0) return all;
        all.push(...page);
      }
    },
    async close() {
      for (const p of processes) p.kill("SIGKILL");
      await Promise.all(processes.map((p) => p.exited));
      await faults.close();
      await database.drop();
    },
  };
  return world;
}

/** The invariants every fault scenario keeps: every seq exactly once, in order, ending the run. */
export function expectEventLog(events: RunEvent[]): void {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(events.filter((e) => e.type === "run.completed" || e.type === "run.failed" || e.type === "run.cancelled")).toHaveLength(1);
  expect(["run.completed", "run.failed", "run.cancelled"]).toContain(events.at(-1)?.type);
}

/** Resident memory of a process (the server, its worker thread included), in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Samples `measure` every `everyMs` until stopped; returns the samples. */
export function sample(measure: () => number | Promise<number>, everyMs: number): { stop(): Promise<number[]> } {
  const values: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      values.push(await measure());
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return values;
    },
  };
}
