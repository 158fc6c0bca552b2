import { describe, expect, it } from "vitest";
import type { RunEventOf } from "@switchyard/core";
import { runTraceIds, startTracing } from "../src/index";
import { startOtlpCollector } from "../src/testing/otlp-collector";
import { COLLECTOR_TOKEN, named, recorded, useExporting } from "./support/exporting";

/** What reaches the collector: content or not, a resumed run, and a collector that fails. */
const otlp = useExporting();

describe("SWITCHYARD_OTEL_CONTENT=false", () => {
  it("leaves prompts, answers and inputs off every span, and out of every exported byte", async () => {
    const before = otlp.collector.requests.length;
    for (const name of ["cascade", "fallback-chain", "retry-then-answer"]) {
      const spans = await otlp.exportRun(recorded(name), { content: false });
      expect(spans.length).toBeGreaterThan(5);
      for (const span of spans) {
        expect(span.attributes).not.toHaveProperty("input.value");
        expect(span.attributes).not.toHaveProperty("output.value");
      }
      expect(spans.some((s) => s.attributes["llm.token_count.total"] !== undefined)).toBe(true);
    }
    const bytes = Buffer.concat(otlp.collector.requests.slice(before).map((r) => r.body)).toString(
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
    const spans = await otlp.exportRun(events);
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
    const since = otlp.collector.requests.length;
    const crashAt = events.findIndex((e) => e.type === "node.started" && e.nodeId === "strong") + 1;
    // Worker A gets as far as starting `strong`, then dies: what it ended is exported, nothing else.
    const first = await startTracing(otlp.config(), () => undefined);
    const a = first.startRun({ deterministicIds: true });
    for (const event of events.slice(0, crashAt)) a.record(event);
    await first.flush();
    // Worker B resumes from the stored node results: no run.started, `strong` runs again.
    const second = await startTracing(otlp.config(), () => undefined);
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

    const spans = otlp.collector
      .spans(since)
      .filter((s) => s.traceId === runTraceIds(runId).traceId);
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
    otlp.collector.respondWith = 500;
    const logs: string[] = [];
    try {
      const tracing = await startTracing(otlp.config(), (line) => logs.push(line));
      for (const name of ["cascade", "fallback-chain"]) {
        const run = tracing.startRun({ deterministicIds: true });
        for (const event of recorded(name)) run.record(event);
        await tracing.flush();
      }
      await tracing.shutdown();
    } finally {
      otlp.collector.respondWith = 200;
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
      otlp.config({ url: `${down.url}/v1/traces`, timeoutMs: 1000 }),
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
