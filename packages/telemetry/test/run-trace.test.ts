import { beforeAll, describe, expect, it } from "vitest";
import type { RunEvent, RunEventOf } from "@switchyard/core";
import { runTraceIds } from "../src/index";
import type { CollectedSpan } from "../src/testing/otlp-collector";
import { COLLECTOR_TOKEN, named, recorded, useExporting } from "./support/exporting";

/** How a run's events become spans: the tree, the times and the attributes. */
const otlp = useExporting();

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
    spans = await otlp.exportRun(
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
    expect(otlp.collector.requests.at(-1)?.headers.authorization).toBe(`Bearer ${COLLECTOR_TOKEN}`);
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
    spans = await otlp.exportRun(events);
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
    const spans = await otlp.exportRun(events);
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
