import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent, RunEventOf } from "@switchyard/core";
import { runTraceIds, startTracing, type RunTraceOptions, type TracingConfig } from "../src/index";
import {
  startOtlpCollector,
  type CollectedSpan,
  type OtlpCollector,
} from "../src/testing/otlp-collector";

/** Event streams recorded with `switchyard run <flow> --json --seed 1`. */
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const recorded = (name: string): RunEvent[] =>
  readFileSync(path.join(FIXTURES, `${name}.events.jsonl`), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as RunEvent);

const COLLECTOR_TOKEN = "collector-token-7f3a91";
let collector: OtlpCollector;

beforeAll(async () => {
  collector = await startOtlpCollector();
});
afterAll(() => collector.close());

function config(overrides: Partial<TracingConfig> = {}): TracingConfig {
  return {
    url: `${collector.url}/v1/traces`,
    headers: { authorization: `Bearer ${COLLECTOR_TOKEN}` },
    protocol: "http/json",
    serviceName: "switchyard-test",
    content: true,
    timeoutMs: 5000,
    scheduledDelayMs: 20,
    ...overrides,
  };
}

/** Exports one run's events through the real pipeline and returns the spans of its trace. */
async function exportRun(
  events: RunEvent[],
  overrides: Partial<TracingConfig> = {},
  options: Partial<RunTraceOptions> = {},
): Promise<CollectedSpan[]> {
  const logs: string[] = [];
  const since = collector.requests.length;
  const tracing = await startTracing(config(overrides), (line) => logs.push(line));
  const run = tracing.startRun({ deterministicIds: true, ...options });
  for (const event of events) run.record(event);
  await tracing.shutdown();
  expect(logs).toEqual([]);
  const { traceId } = runTraceIds(events[0]!.runId);
  return collector.spans(since).filter((s) => s.traceId === traceId);
}

const named = (spans: CollectedSpan[], name: string): CollectedSpan => {
  const found = spans.filter((s) => s.name === name);
  expect(found, `one span named '${name}' in ${spans.map((s) => s.name).join(", ")}`).toHaveLength(
    1,
  );
  return found[0]!;
};
const timeOf = (events: RunEvent[], match: (e: RunEvent) => boolean) =>
  Date.parse(events.find(match)!.time);
const nodeEvent = <T extends RunEvent["type"]>(events: RunEvent[], type: T, nodeId: string) =>
  events.find(
    (e): e is Extract<RunEvent, { type: T }> =>
      e.type === type && "nodeId" in e && e.nodeId === nodeId,
  )!;
const sum = (spans: CollectedSpan[], key: string) =>
  spans.reduce(
    (n, s) => n + (typeof s.attributes[key] === "number" ? (s.attributes[key] as number) : 0),
    0,
  );

describe("a cascade whose gate escalates", () => {
  const events = recorded("cascade");
  let spans: CollectedSpan[];
  beforeAll(async () => {
    spans = await exportRun(
      events,
      {},
      { requestedModels: { fast: "sim:fast", strong: "sim:strong", backup: "sim:fast" } },
    );
  });

  it("is one trace: a root span for the run and a child per node, with the run's derived ids", () => {
    const root = named(spans, "run Cascade with fallback");
    const ids = runTraceIds(events[0]!.runId);
    expect(root).toMatchObject({ traceId: ids.traceId, spanId: ids.spanId, parentSpanId: "" });
    expect(
      spans
        .filter((s) => s !== root)
        .map((s) => s.name)
        .sort(),
    ).toEqual(
      [
        "constant sorry",
        "gate gate",
        "input in",
        "model backup",
        "model fast",
        "model strong",
        "output out",
      ].sort(),
    );
    for (const span of spans.filter((s) => s !== root)) expect(span.parentSpanId).toBe(root.spanId);
    expect(root.resource).toMatchObject({
      "service.name": "switchyard-test",
      "openinference.project.name": "switchyard-test",
    });
    expect(collector.requests.at(-1)?.headers.authorization).toBe(`Bearer ${COLLECTOR_TOKEN}`);
  });

  it("takes span times from the events", () => {
    const root = named(spans, "run Cascade with fallback");
    expect(root.startMs).toBe(timeOf(events, (e) => e.type === "run.started"));
    expect(root.endMs).toBe(timeOf(events, (e) => e.type === "run.completed"));
    const fast = named(spans, "model fast");
    expect(fast.startMs).toBe(Date.parse(nodeEvent(events, "node.started", "fast").time));
    expect(fast.endMs).toBe(Date.parse(nodeEvent(events, "node.completed", "fast").time));
  });

  it("describes the run, the model calls and the gate's decision", () => {
    const completed = events.at(-1) as RunEventOf<"run.completed">;
    expect(named(spans, "run Cascade with fallback")).toMatchObject({
      status: { code: 1 },
      attributes: {
        "openinference.span.kind": "CHAIN",
        "switchyard.run.id": completed.runId,
        "switchyard.flow.name": "Cascade with fallback",
        "switchyard.seed": 1,
        "switchyard.run.status": "completed",
        "switchyard.run.cost_usd": completed.costUsd,
        "input.value": JSON.stringify({ question: "What is the capital of Australia?" }),
        "input.mime_type": "application/json",
        "output.value": JSON.stringify(completed.outputs),
      },
    });
    const fast = nodeEvent(events, "node.completed", "fast");
    expect(named(spans, "model fast").attributes).toMatchObject({
      "openinference.span.kind": "LLM",
      "switchyard.node.id": "fast",
      "switchyard.node.type": "model",
      "switchyard.node.status": "completed",
      "switchyard.node.confidence": 0.4,
      "llm.model_name": "fast",
      "llm.provider": "sim",
      "llm.token_count.prompt": fast.usage.input,
      "llm.token_count.completion": fast.usage.output,
      "llm.token_count.total": fast.usage.input + fast.usage.output,
      "llm.cost.total": fast.costUsd,
      "gen_ai.system": "sim",
      "gen_ai.request.model": "fast",
      "gen_ai.response.model": "fast",
      "gen_ai.usage.input_tokens": fast.usage.input,
      "gen_ai.usage.output_tokens": fast.usage.output,
      "input.value": "What is the capital of Australia?",
      "output.value": "Sydney? Confidence: 40%",
    });
    expect(named(spans, "gate gate").attributes).toMatchObject({
      "openinference.span.kind": "GUARDRAIL",
      "switchyard.gate.decision": "escalate",
      "switchyard.gate.threshold": 0.8,
    });
    expect(named(spans, "model backup")).toMatchObject({
      status: { code: 0 },
      attributes: {
        "switchyard.node.status": "skipped",
        "switchyard.node.skip_reason": "fallback not needed",
      },
    });
    // Tokens sit on one span per call: summed over the trace they are the run's.
    expect(sum(spans, "llm.token_count.prompt")).toBe(completed.tokens.input);
    expect(sum(spans, "llm.token_count.completion")).toBe(completed.tokens.output);
  });
});

describe("the fallback example: retries, then a chain of fallbacks", () => {
  const events = recorded("fallback-chain");
  let spans: CollectedSpan[];
  beforeAll(async () => {
    spans = await exportRun(events);
  });

  it("puts one span per model attempt under the node that retried; failed attempts are errors", () => {
    const primary = named(spans, "model primary");
    const attempts = spans
      .filter((s) => s.parentSpanId === primary.spanId)
      .sort((a, b) => a.startMs - b.startMs);
    expect(attempts.map((s) => s.name)).toEqual([
      "sim:strong attempt 1",
      "sim:strong attempt 2",
      "sim:strong attempt 3",
    ]);
    for (const attempt of attempts) {
      expect(attempt.status).toEqual({
        code: 2,
        message: "server_error: sim:strong: simulated 500 Internal Server Error (every attempt)",
      });
      expect(attempt.attributes).toMatchObject({
        "openinference.span.kind": "LLM",
        "error.type": "server_error",
        "switchyard.error.status": 500,
        "llm.model_name": "strong",
      });
      expect(attempt.events).toEqual([
        {
          name: "exception",
          attributes: {
            "exception.type": "server_error",
            "exception.message": expect.stringContaining("500"),
          },
        },
      ]);
    }
    const retries = events.filter((e): e is RunEventOf<"node.retry"> => e.type === "node.retry");
    expect(attempts.map((a) => [a.startMs, a.endMs])).toEqual([
      [Date.parse(nodeEvent(events, "node.started", "primary").time), Date.parse(retries[0]!.time)],
      [Date.parse(retries[0]!.time) + retries[0]!.delayMs, Date.parse(retries[1]!.time)],
      [
        Date.parse(retries[1]!.time) + retries[1]!.delayMs,
        Date.parse(nodeEvent(events, "node.failed", "primary").time),
      ],
    ]);
    expect(attempts[0]!.attributes["switchyard.retry.delay_ms"]).toBe(retries[0]!.delayMs);
  });

  it("marks failed nodes and the fallbacks they took", () => {
    expect(named(spans, "model primary")).toMatchObject({
      status: { code: 2 },
      attributes: {
        "openinference.span.kind": "CHAIN",
        "switchyard.node.status": "failed",
        "switchyard.node.attempts": 3,
        "switchyard.fallback.to": "fallback-1",
        "switchyard.fallback.reason": "error",
      },
    });
    expect(named(spans, "model fallback-1")).toMatchObject({
      status: { code: 2, message: "timeout: sim:fast did not answer within 500 ms" },
      attributes: {
        "openinference.span.kind": "LLM",
        "error.type": "timeout",
        "switchyard.fallback.from": "primary",
        "switchyard.fallback.from_reason": "error",
        "switchyard.fallback.to": "fallback-2",
        "switchyard.fallback.reason": "timeout",
      },
    });
    expect(named(spans, "model fallback-2")).toMatchObject({
      status: { code: 1 },
      attributes: { "switchyard.fallback.from": "fallback-1", "llm.token_count.completion": 21 },
    });
    expect(named(spans, "run Fallback chain").attributes["switchyard.run.status"]).toBe(
      "completed",
    );
  });
});

describe("a node that succeeds on its third attempt", () => {
  const events = recorded("retry-then-answer");

  it("has two failed attempts and a successful one holding the call's tokens, cost and content", async () => {
    const spans = await exportRun(events);
    const ask = named(spans, "model ask");
    const completed = nodeEvent(events, "node.completed", "ask");
    expect(ask.status.code).toBe(1);
    expect(ask.attributes).not.toHaveProperty("llm.token_count.prompt");
    const attempts = spans
      .filter((s) => s.parentSpanId === ask.spanId)
      .sort((a, b) => a.startMs - b.startMs);
    expect(attempts.map((a) => [a.name, a.status.code, a.attributes["error.type"]])).toEqual([
      ["sim:fast attempt 1", 2, "rate_limited"],
      ["sim:fast attempt 2", 2, "rate_limited"],
      ["sim:fast attempt 3", 1, undefined],
    ]);
    expect(attempts[2]!.attributes).toMatchObject({
      "llm.token_count.prompt": completed.usage.input,
      "llm.token_count.completion": completed.usage.output,
      "llm.cost.total": completed.costUsd,
      "input.value": "Which planet is largest?",
      "output.value": "Jupiter.",
    });
    expect(attempts[2]!.endMs).toBe(Date.parse(completed.time));
    expect(sum(spans, "llm.token_count.total")).toBe(
      completed.usage.input + completed.usage.output,
    );
  });
});

describe("SWITCHYARD_OTEL_CONTENT=false", () => {
  it("leaves prompts, answers and inputs off every span, and out of every exported byte", async () => {
    const before = collector.requests.length;
    for (const name of ["cascade", "fallback-chain", "retry-then-answer"]) {
      const spans = await exportRun(recorded(name), { content: false });
      expect(spans.length).toBeGreaterThan(5);
      for (const span of spans) {
        expect(span.attributes).not.toHaveProperty("input.value");
        expect(span.attributes).not.toHaveProperty("output.value");
      }
      expect(spans.some((s) => s.attributes["llm.token_count.total"] !== undefined)).toBe(true);
    }
    const bytes = Buffer.concat(collector.requests.slice(before).map((r) => r.body)).toString(
      "utf8",
    );
    for (const text of ["Australia", "Canberra", "incident", "Jupiter", "largest"])
      expect(bytes).not.toContain(text);
  });

  it("cuts long content at 4,096 characters", async () => {
    const events = recorded("retry-then-answer").map((e) =>
      e.type === "node.completed" && e.nodeId === "ask"
        ? { ...e, output: { ...e.output, text: "x".repeat(10_000) } }
        : e,
    );
    const spans = await exportRun(events);
    const output = named(spans, "sim:fast attempt 3").attributes["output.value"] as string;
    expect(output).toHaveLength(4096);
    expect(output.endsWith("…[truncated]")).toBe(true);
  });
});

describe("a run resumed on another worker", () => {
  it("is still one trace: the nodes settled before the crash, then the rest under one root", async () => {
    const events = recorded("cascade");
    const runId = events[0]!.runId;
    const started = events[0] as RunEventOf<"run.started">;
    const since = collector.requests.length;
    const crashAt = events.findIndex((e) => e.type === "node.started" && e.nodeId === "strong") + 1;
    // Worker A gets as far as starting `strong`, then dies: what it ended is exported, nothing else.
    const first = await startTracing(config(), () => undefined);
    const a = first.startRun({ deterministicIds: true });
    for (const event of events.slice(0, crashAt)) a.record(event);
    await first.flush();
    // Worker B resumes from the stored node results: no run.started, `strong` runs again.
    const second = await startTracing(config(), () => undefined);
    const b = second.startRun({
      deterministicIds: true,
      resumed: {
        runId,
        flowName: started.flowName,
        seed: started.seed,
        inputs: started.inputs,
        startedAt: new Date(started.time),
      },
    });
    for (const event of events.slice(crashAt - 1)) b.record(event);
    await second.shutdown();

    const spans = collector.spans(since).filter((s) => s.traceId === runTraceIds(runId).traceId);
    const roots = spans.filter((s) => s.parentSpanId === "");
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({
      name: "run Cascade with fallback",
      spanId: runTraceIds(runId).spanId,
      startMs: Date.parse(started.time),
      attributes: { "switchyard.run.resumed": true },
    });
    expect(spans.map((s) => s.name).sort()).toEqual(
      [
        "constant sorry",
        "gate gate",
        "input in",
        "model backup",
        "model fast",
        "model strong",
        "output out",
        "run Cascade with fallback",
      ].sort(),
    );
    for (const span of spans.filter((s) => s !== roots[0]))
      expect(span.parentSpanId).toBe(roots[0]!.spanId);
    await first.shutdown();
  });
});

describe("a collector that refuses or is down", () => {
  it("refusing (500): runs are traced as usual, one line is logged, nothing throws", async () => {
    collector.respondWith = 500;
    const logs: string[] = [];
    try {
      const tracing = await startTracing(config(), (line) => logs.push(line));
      for (const name of ["cascade", "fallback-chain"]) {
        const run = tracing.startRun({ deterministicIds: true });
        for (const event of recorded(name)) run.record(event);
        await tracing.flush();
      }
      await tracing.shutdown();
    } finally {
      collector.respondWith = 200;
    }
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^tracing: could not export \d+ spans? to http:\/\/127\.0\.0\.1:\d+\/v1\/traces \(HTTP 500 .*\); runs go on without them$/,
    );
    expect(logs[0]).not.toContain(COLLECTOR_TOKEN);
  });

  it("down: shutting down waits at most the export timeout, and one line says so", async () => {
    const logs: string[] = [];
    const down = await startOtlpCollector();
    await down.close();
    const tracing = await startTracing(
      config({ url: `${down.url}/v1/traces`, timeoutMs: 1000 }),
      (line) => logs.push(line),
    );
    const run = tracing.startRun({ deterministicIds: false });
    const begin = Date.now();
    for (const event of recorded("cascade")) run.record(event);
    expect(Date.now() - begin).toBeLessThan(100);
    await tracing.shutdown();
    expect(Date.now() - begin).toBeLessThan(3000);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain("ECONNREFUSED");
  });
});
