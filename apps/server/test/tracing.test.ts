import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { runTraceIds } from "@switchyard/telemetry";
import {
  startOtlpCollector,
  type CollectedSpan,
  type OtlpCollector,
} from "@switchyard/telemetry/testing";
import { spawnCli } from "./cli-helpers";
import { until } from "./support/browser";
import { startCountingOpenAIServer, type CountingServer } from "./support/counting-openai-server";
import { startKeyEchoServer, type KeyEchoServer } from "./support/key-echo-openai-server";
import { HttpClient } from "./support/http-client";
import { serverEnv, startProcess, type ServerProcess } from "./support/processes";

/** Runs exported as OpenTelemetry traces to a local OTLP/HTTP collector, from the CLI and from workers. */
const ENV_KEY = "sk-env-TRACING0123456789abcdefENVSECRET";
const STORED_KEY = "sk-proj-TRACING0123456789abcdefSTOREDSECRET";
const COLLECTOR_AUTH = "Bearer collector-TRACING-token";

let collector: OtlpCollector;

beforeAll(async () => {
  collector = await startOtlpCollector();
});
afterAll(() => collector?.close());

const traceOf = (spans: CollectedSpan[], root: CollectedSpan) =>
  spans.filter((s) => s.traceId === root.traceId);
const rootNamed = (spans: CollectedSpan[], name: string) =>
  spans.find((s) => s.name === name && s.parentSpanId === "");

describe("switchyard run with OTEL_EXPORTER_OTLP_ENDPOINT set", () => {
  it("exports the ensemble example as one trace: the run, three model calls, the vote", async () => {
    const since = collector.requests.length;
    const { code, stdout } = await spawnCli(["run", "examples/ensemble-vote.json", "--seed", "1"], {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_HEADERS: `Authorization=${encodeURIComponent(COLLECTOR_AUTH)}`,
    });
    expect(code).toBe(0);
    expect(stdout).toContain("answer");
    // The CLI flushed before it exited: everything is there already.
    const spans = collector.spans(since);
    const root = rootNamed(spans, "run Ensemble vote");
    expect(root?.attributes).toMatchObject({
      "openinference.span.kind": "CHAIN",
      "switchyard.run.status": "completed",
      "switchyard.seed": 1,
    });
    const trace = traceOf(spans, root!);
    const models = trace.filter((s) => s.attributes["openinference.span.kind"] === "LLM");
    expect(models.map((s) => s.name).sort()).toEqual([
      "model model-a",
      "model model-b",
      "model model-c",
    ]);
    for (const model of models) {
      expect(model.parentSpanId).toBe(root!.spanId);
      expect(model.attributes).toMatchObject({
        "llm.provider": "sim",
        "gen_ai.system": "sim",
        "llm.token_count.total": expect.any(Number),
      });
    }
    const vote = trace.find((s) => s.name === "vote vote");
    expect(vote).toMatchObject({
      parentSpanId: root!.spanId,
      attributes: { "switchyard.vote.agreement": 2 / 3, "switchyard.vote.votes": 3 },
    });
    expect(collector.requests.at(-1)?.headers.authorization).toBe(COLLECTOR_AUTH);
  }, 60_000);

  it("sends protobuf by default, which Phoenix requires", async () => {
    const since = collector.requests.length;
    const { code } = await spawnCli(["run", "examples/cascade.json", "--seed", "1"], {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.url}/v1/traces`,
    });
    expect(code).toBe(0);
    const exports = collector.requests.slice(since);
    expect(exports.map((r) => [r.path, r.headers["content-type"]])).toContainEqual([
      "/v1/traces",
      "application/x-protobuf",
    ]);
    expect(Buffer.concat(exports.map((r) => r.body)).includes("run Cascade with fallback")).toBe(
      true,
    );
  }, 60_000);

  it("with the collector down, the run succeeds as usual and one line says the spans were lost", async () => {
    const down = await startOtlpCollector();
    await down.close();
    const started = Date.now();
    const { code, stdout, stderr } = await spawnCli(
      ["run", "examples/pipeline.json", "--seed", "1"],
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: down.url,
        OTEL_EXPORTER_OTLP_TIMEOUT: "1000",
      },
    );
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(0);
    const lines = stderr.split("\n").filter((l) => l.includes("tracing"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^switchyard: tracing: could not export .*ECONNREFUSED.*runs go on without them$/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});

describe("a server and a separate worker", () => {
  let database: TestDatabase;
  let mock: CountingServer;
  let slow: CountingServer;
  let echo: KeyEchoServer;
  let env: Record<string, string>;
  let server: ServerProcess;
  const processes: ServerProcess[] = [];
  let apiKey: string;
  let flowId: string;
  let slowFlowId: string;

  /** One model on an OpenAI-compatible endpoint (key from the environment); one on OpenAI with the stored key, which is refused and falls back. */
  const flow = {
    format: "switchyard.flow/v1",
    name: "Traced",
    inputs: [{ name: "question", type: "string" }],
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      {
        id: "ask",
        type: "model",
        data: {
          model: "mock:small",
          prompt: "traced: {{input.question}}",
          retry: { maxAttempts: 1 },
        },
      },
      {
        id: "paid",
        type: "model",
        data: {
          model: "openai:gpt-4o-mini",
          prompt: "{{input.question}}",
          retry: { maxAttempts: 1 },
        },
      },
      { id: "sorry", type: "constant", data: { value: "no second opinion" } },
      { id: "out", type: "output", data: { name: "answer" } },
      { id: "second", type: "output", data: { name: "second" } },
    ],
    edges: [
      { source: "in", target: "ask" },
      { source: "in", target: "paid" },
      { source: "ask", target: "out" },
      { source: "paid", target: "second" },
      { source: "paid", target: "sorry", kind: "fallback", on: ["error"] },
      { source: "sorry", target: "second" },
    ],
  };

  /** Two slow model calls in a row: time to kill a worker between them. */
  const slowFlow = {
    format: "switchyard.flow/v1",
    name: "Slow traced",
    inputs: [{ name: "question", type: "string" }],
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      {
        id: "s1",
        type: "model",
        data: { model: "slow:m", prompt: "slow 1: {{input.question}}", retry: { maxAttempts: 1 } },
      },
      {
        id: "s2",
        type: "model",
        data: { model: "slow:m", prompt: "slow 2: {{nodes.s1.text}}", retry: { maxAttempts: 1 } },
      },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "in", target: "s1" },
      { source: "s1", target: "s2" },
      { source: "s2", target: "out" },
    ],
  };

  async function worker(overrides: Record<string, string> = {}): Promise<ServerProcess> {
    const started = await startProcess("worker", { ...env, ...overrides });
    processes.push(started);
    return started;
  }

  async function restRun(
    question: string,
    wait = true,
    flow = flowId,
  ): Promise<{ runId: string; status: string }> {
    const res = await fetch(`${server.url}/api/v1/flows/${flow}/runs?wait=${wait}`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ inputs: { question } }),
    });
    expect(res.status).toBe(wait ? 200 : 201);
    return (await res.json()) as { runId: string; status: string };
  }

  async function stop(process: ServerProcess): Promise<void> {
    process.kill("SIGTERM");
    expect(await process.exited).toBe(0);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    mock = await startCountingOpenAIServer({ delayMs: 50 });
    slow = await startCountingOpenAIServer({ delayMs: 700 });
    echo = await startKeyEchoServer();
    env = await serverEnv(database.url, {
      SWITCHYARD_IN_PROCESS_WORKER: "false",
      SWITCHYARD_LEASE_MS: "1500",
      SWITCHYARD_OPENAI_COMPATIBLE: JSON.stringify([
        { name: "mock", baseURL: mock.baseURL, apiKey: ENV_KEY },
        { name: "slow", baseURL: slow.baseURL },
      ]),
      OPENAI_BASE_URL: echo.baseURL,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_HEADERS: `authorization=${encodeURIComponent(COLLECTOR_AUTH)}`,
    });
    server = await startProcess("server", env);
    processes.push(server);
    const client = new HttpClient(server.url!);
    await client.signUp(`tracing-${Date.now()}@example.com`);
    const me = await client.query<{ workspaces: { id: string }[] }>("me.get");
    const workspaceId = me.workspaces[0]!.id;
    await client.mutate("credentials.set", { workspaceId, provider: "openai", key: STORED_KEY });
    ({ id: flowId } = await client.mutate<{ id: string }>("flows.import", {
      workspaceId,
      document: flow,
    }));
    ({ id: slowFlowId } = await client.mutate<{ id: string }>("flows.import", {
      workspaceId,
      document: slowFlow,
    }));
    ({ key: apiKey } = await client.mutate<{ key: string }>("apiKeys.create", {
      workspaceId,
      name: "tracing",
    }));
  }, 120_000);

  afterAll(async () => {
    for (const p of processes) p.kill("SIGKILL");
    await Promise.all(processes.map((p) => p.exited));
    await mock?.close();
    await slow?.close();
    await echo?.close();
    await database?.drop();
  });

  it("exports a run started over REST, flushed when the worker shuts down, with no key in any exported byte", async () => {
    const since = collector.requests.length;
    // A long batch delay: the spans can only have left through the graceful-shutdown flush.
    const traced = await worker({ OTEL_BSP_SCHEDULE_DELAY: "600000" });
    const { runId, status } = await restRun("what is traced?");
    expect(status).toBe("completed");
    expect(echo.keysSeen).toContain(STORED_KEY); // the worker really used the stored key
    const ids = runTraceIds(runId);
    expect(collector.spans(since).filter((s) => s.traceId === ids.traceId)).toEqual([]);
    await stop(traced);

    const spans = collector.spans(since).filter((s) => s.traceId === ids.traceId);
    const root = spans.find((s) => s.parentSpanId === "");
    expect(root).toMatchObject({
      name: "run Traced",
      spanId: ids.spanId,
      attributes: { "switchyard.run.id": runId, "switchyard.run.status": "completed" },
    });
    expect(spans.map((s) => s.name).sort()).toEqual([
      "constant sorry",
      "input in",
      "model ask",
      "model paid",
      "output out",
      "output second",
      "run Traced",
    ]);
    expect(spans.find((s) => s.name === "model ask")?.attributes).toMatchObject({
      "llm.provider": "mock",
      "gen_ai.request.model": "small",
      "llm.token_count.prompt": 10,
      "input.value": "traced: what is traced?",
      "output.value": "answer to traced: what is traced?",
    });
    expect(spans.find((s) => s.name === "model paid")).toMatchObject({
      status: { code: 2 },
      attributes: { "switchyard.fallback.to": "sorry", "llm.provider": "openai" },
    });
    expect(
      spans.find((s) => s.name === "constant sorry")?.attributes["switchyard.fallback.from"],
    ).toBe("paid");

    const exported = Buffer.concat(collector.requests.slice(since).map((r) => r.body)).toString(
      "utf8",
    );
    expect(exported).toContain("Incorrect API key provided"); // the provider's error is there, its quoted key is not
    for (const secret of [
      STORED_KEY,
      ENV_KEY,
      apiKey,
      env.SWITCHYARD_CREDENTIAL_KEY!,
      env.SWITCHYARD_AUTH_SECRET!,
    ])
      expect(exported).not.toContain(secret);
    expect(traced.output.join("\n")).not.toContain("tracing:");
  }, 90_000);

  it("a collector that refuses (500): runs complete, and the worker logs one line", async () => {
    collector.respondWith = 500;
    try {
      const refused = await worker({ OTEL_BSP_SCHEDULE_DELAY: "50" });
      expect((await restRun("refused once?")).status).toBe("completed");
      await until(() => refused.output.some((l) => l.includes("tracing:")));
      expect((await restRun("refused twice?")).status).toBe("completed");
      await new Promise((resolve) => setTimeout(resolve, 500));
      const lines = refused.output.filter((l) => l.includes("tracing:"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^\[switchyard\] tracing: could not export \d+ spans? to http:\/\/127\.0\.0\.1:\d+\/v1\/traces \(HTTP 500 .*\); runs go on without them$/,
      );
      expect(lines[0]).not.toContain("collector-TRACING-token");
      await stop(refused);
    } finally {
      collector.respondWith = 200;
    }
  }, 90_000);

  it("a collector that is down: runs complete, and the worker logs one line", async () => {
    const down = await startOtlpCollector();
    await down.close();
    const orphan = await worker({
      OTEL_EXPORTER_OTLP_ENDPOINT: down.url,
      OTEL_BSP_SCHEDULE_DELAY: "50",
      OTEL_EXPORTER_OTLP_TIMEOUT: "1000",
    });
    expect((await restRun("nobody listening?")).status).toBe("completed");
    expect((await restRun("still nobody?")).status).toBe("completed");
    await until(() => orphan.output.some((l) => l.includes("tracing:")));
    const lines = orphan.output.filter((l) => l.includes("tracing:"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("ECONNREFUSED");
    await stop(orphan);
  }, 90_000);

  it("a run resumed after its worker was killed is one trace under one root", async () => {
    const since = collector.requests.length;
    const first = await worker({ OTEL_BSP_SCHEDULE_DELAY: "50" });
    const { runId } = await restRun("crash?", false, slowFlowId);
    const ids = runTraceIds(runId);
    // Kill once s1's span has been exported and s2's call is in flight.
    await Promise.all([
      slow.received("slow 2:"),
      collector.waitFor((spans) =>
        spans.some((s) => s.traceId === ids.traceId && s.name === "model s1"),
      ),
    ]);
    first.kill("SIGKILL");
    await first.exited;
    const second = await worker({ OTEL_BSP_SCHEDULE_DELAY: "50" });
    const spans = (
      await collector.waitFor((all) => all.some((s) => s.spanId === ids.spanId), 30_000)
    ).filter((s) => s.traceId === ids.traceId);
    const roots = spans.filter((s) => s.parentSpanId === "");
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({
      name: "run Slow traced",
      spanId: ids.spanId,
      attributes: { "switchyard.run.resumed": true, "switchyard.run.status": "completed" },
    });
    // s1 from the first worker, s2 (in flight at the crash) once, from the second.
    expect(spans.map((s) => s.name).sort()).toEqual([
      "input in",
      "model s1",
      "model s2",
      "output out",
      "run Slow traced",
    ]);
    for (const span of spans.filter((s) => s !== roots[0]))
      expect(span.parentSpanId).toBe(ids.spanId);
    expect(roots[0]!.startMs).toBeLessThanOrEqual(
      spans.find((s) => s.name === "model s1")!.startMs,
    );
    expect(collector.spans(since).filter((s) => s.traceId === ids.traceId)).toHaveLength(5);
    await stop(second);
  }, 90_000);
});
