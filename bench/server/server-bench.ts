import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { FLOW_FORMAT, prepareFlow, runFlow } from "@switchyard/core";
import { createModelGateway } from "@switchyard/providers";
import { createTestDatabase } from "@switchyard/db";

/**
 * N concurrent runs of a 5-node simulated flow through the whole server: HTTP, the pg-boss queue,
 * a worker, Postgres event persistence and SSE back to the client. The same runs through the
 * engine alone, in the same invocation, give the overhead the server adds per run.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

const flow = {
  format: FLOW_FORMAT,
  name: "bench-5",
  inputs: [{ name: "q", type: "string" }],
  nodes: [
    { id: "in", type: "input", data: { name: "q" } },
    ...[1, 2, 3].map((i) => ({ id: `m${i}`, type: "model", data: { model: "sim:fast", prompt: i === 1 ? "{{input.q}}" : `{{nodes.m${i - 1}.text}}`, sim: { latencyMs: 0, tokensPerSecond: 0, reply: `step ${i}` } } })),
    { id: "out", type: "output" },
  ],
  edges: [
    { source: "in", target: "m1" },
    { source: "m1", target: "m2" },
    { source: "m2", target: "m3" },
    { source: "m3", target: "out" },
  ],
};

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

async function startServer(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, "apps/server/bin/server.mjs")], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d: Buffer) => process.env.BENCH_TRACE && process.stderr.write(d));
  const url = await new Promise<string>((resolve, reject) => {
    let log = "";
    const onData = (d: Buffer) => {
      log += d.toString();
      const match = /running at (http\S+)/.exec(log);
      if (match) resolve(match[1]!);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited ${code}: ${log}`)));
  });
  return { url, stop: () => new Promise((resolve) => (child.once("exit", () => resolve()), child.kill("SIGTERM"))) };
}

/** Starts one run over REST and follows its SSE stream: time to first event and to completion. */
async function oneRun(url: string, key: string, flowId: string, seed: number): Promise<{ firstEventMs: number; totalMs: number; engineMs: number }> {
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/flows/${flowId}/runs`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ inputs: { q: "go" }, seed }) });
  if (res.status !== 201) throw new Error(`start: ${res.status} ${await res.text()}`);
  const { runId } = (await res.json()) as { runId: string };
  const stream = await fetch(`${url}/api/v1/runs/${runId}/events`, { headers: { authorization: `Bearer ${key}` } });
  let firstEventMs = 0;
  let engineMs = 0;
  let buffer = "";
  for await (const chunk of stream.body!) {
    if (!firstEventMs) firstEventMs = performance.now() - started;
    buffer += Buffer.from(chunk as Uint8Array).toString("utf8");
    const done = /event: run\.(completed|failed|cancelled)\ndata: (.*)\n/.exec(buffer);
    if (done) {
      if (done[1] !== "completed") throw new Error(`run ${runId} ${done[1]}`);
      engineMs = (JSON.parse(done[2]!) as { latencyMs: number }).latencyMs;
      break;
    }
  }
  return { firstEventMs, totalMs: performance.now() - started, engineMs };
}

async function engineAlone(runs: number): Promise<{ wallMs: number; perRunMs: number }> {
  const prepared = prepareFlow(flow);
  if (!prepared.ok) throw new Error("invalid bench flow");
  const gateway = createModelGateway();
  for (let i = 0; i < 50; i++) await runFlow(prepared.flow, { gateway, inputs: { q: "go" }, seed: i });
  const started = performance.now();
  const times = await Promise.all(
    Array.from({ length: runs }, async (_, i) => {
      const t = performance.now();
      await runFlow(prepared.flow, { gateway, inputs: { q: "go" }, seed: i });
      return performance.now() - t;
    }),
  );
  return { wallMs: performance.now() - started, perRunMs: quantile(times, 0.5) };
}

export async function serverBench(concurrencies: number[]): Promise<void> {
  console.log("\n## Server: concurrent runs of a 5-node sim flow through HTTP, pg-boss, a worker, Postgres and SSE\n");
  const database = await createTestDatabase();
  const server = await startServer({
    DATABASE_URL: database.url,
    PORT: "0",
    WORKER_CONCURRENCY: "64",
    // The bench measures throughput, not the abuse limits.
    SWITCHYARD_REST_LIMIT: "100000",
    SWITCHYARD_RUN_START_LIMIT: "100000",
    SWITCHYARD_DATA_DIR: await mkdtemp(path.join(tmpdir(), "switchyard-bench-")),
    SWITCHYARD_AUTH_SECRET: randomBytes(32).toString("hex"),
    SWITCHYARD_CREDENTIAL_KEY: randomBytes(32).toString("base64"),
  });
  try {
    const origin = { origin: server.url, "content-type": "application/json" };
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, { method: "POST", headers: origin, body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: "correct horse battery", name: "Bench" }) });
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const call = async <T>(procedure: string, input: unknown): Promise<T> => {
      const res = await fetch(`${server.url}/api/trpc/${procedure}`, { method: "POST", headers: { ...origin, cookie }, body: JSON.stringify(input) });
      return ((await res.json()) as { result: { data: T } }).result.data;
    };
    const me = await fetch(`${server.url}/api/trpc/me.get`, { headers: { cookie } }).then((r) => r.json() as Promise<{ result: { data: { workspaces: { id: string }[] } } }>);
    const workspaceId = me.result.data.workspaces[0]!.id;
    const { id: flowId } = await call<{ id: string }>("flows.import", { workspaceId, document: flow });
    const { key } = await call<{ key: string }>("apiKeys.create", { workspaceId, name: "bench" });
    await Promise.all(Array.from({ length: 20 }, (_, i) => oneRun(server.url, key, flowId, i))); // warm-up

    // One run at a time: what a single user waits for, with nothing else on the server.
    const alone: Awaited<ReturnType<typeof oneRun>>[] = [];
    for (let i = 0; i < 20; i++) alone.push(await oneRun(server.url, key, flowId, 500 + i));
    const aloneEngine = await engineAlone(1);
    const aloneFirst = alone.map((r) => r.firstEventMs);
    const aloneTotal = alone.map((r) => r.totalMs);

    console.log("| concurrent runs | runs/s | start → first event p50 / p99 ms | start → done p50 / p99 ms | engine alone per run (p50) ms | server adds per run (p50) ms |");
    console.log("|---|---|---|---|---|---|");
    console.log(
      `| 1 (20 in a row) | ${(1000 / quantile(aloneTotal, 0.5)).toFixed(1)} | ${quantile(aloneFirst, 0.5).toFixed(1)} / ${quantile(aloneFirst, 0.99).toFixed(1)} | ${quantile(aloneTotal, 0.5).toFixed(1)} / ${quantile(aloneTotal, 0.99).toFixed(1)} | ${aloneEngine.perRunMs.toFixed(3)} | ${(quantile(aloneTotal, 0.5) - aloneEngine.perRunMs).toFixed(1)} |`,
    );
    for (const n of concurrencies) {
      const started = performance.now();
      const results = await Promise.all(Array.from({ length: n }, (_, i) => oneRun(server.url, key, flowId, 1000 + i)));
      const wall = performance.now() - started;
      const engine = await engineAlone(n);
      const first = results.map((r) => r.firstEventMs);
      const total = results.map((r) => r.totalMs);
      console.log(
        `| ${n} | ${((n / wall) * 1000).toFixed(1)} | ${quantile(first, 0.5).toFixed(1)} / ${quantile(first, 0.99).toFixed(1)} | ${quantile(total, 0.5).toFixed(1)} / ${quantile(total, 0.99).toFixed(1)} | ${engine.perRunMs.toFixed(3)} | ${(quantile(total, 0.5) - engine.perRunMs).toFixed(1)} |`,
      );
    }
  } finally {
    await server.stop();
    await database.drop();
  }
}
