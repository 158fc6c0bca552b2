import { describe, expect, it } from "vitest";
import { ScriptedGateway, type Script } from "../test-support/scripted-gateway";
import { eventsOf, flow, nodeEvent, nodeEvents, run } from "../test-support/run-helpers";
import { ModelError, type ModelErrorCode } from "../model/model-errors";
import { seededRandom } from "../util/rng";
import { retryDelay, retryPolicySchema } from "./retry";

function single(retry: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return flow({
    nodes: [
      { id: "m", type: "model", data: { model: "t:m", prompt: "{{input.question}}", retry, ...extra } },
      { id: "out", type: "output" },
    ],
    edges: [{ source: "m", target: "out" }],
  });
}

const statusOf: Partial<Record<ModelErrorCode, number>> = { rate_limited: 429, server_error: 503, auth: 401, bad_request: 400 };
const errorOf = (code: ModelErrorCode) => new ModelError(code, `failed with ${code}`, statusOf[code] ? { status: statusOf[code] } : {});

describe("retries", () => {
  it.each(["rate_limited", "server_error", "network", "timeout"] as const)("retries %s and then succeeds", async (code) => {
    const gateway = new ScriptedGateway({ "t:m": [errorOf(code), errorOf(code), "ok"] });
    const { result, events } = await run(single({ maxAttempts: 3, baseDelayMs: 1 }), { gateway });
    expect(result.outputs).toEqual({ out: "ok" });
    expect(gateway.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(gateway.calls.map((c) => c.seed)).toEqual(["1:m:1", "1:m:2", "1:m:3"]);
    const retries = eventsOf(events, "node.retry");
    expect(retries.map((e) => [e.attempt, e.maxAttempts, e.error.code])).toEqual([
      [1, 3, code],
      [2, 3, code],
    ]);
    expect(retries[0]!.error.message).toBe(`failed with ${code}`);
    expect(nodeEvent(events, "node.completed", "m").attempts).toBe(3);
  });

  it.each(["auth", "bad_request", "unavailable", "unknown"] as const)("does not retry %s", async (code) => {
    const gateway = new ScriptedGateway({ "t:m": [errorOf(code), "ok"] });
    const { result, events } = await run(single({ maxAttempts: 5, baseDelayMs: 1 }), { gateway });
    expect(gateway.calls).toHaveLength(1);
    expect(nodeEvents(events, "m")).toEqual(["node.started", "node.failed"]);
    expect(nodeEvent(events, "node.failed", "m")).toMatchObject({ error: { code }, attempts: 1 });
    expect(result.status).toBe("failed");
  });

  it("does not retry a plain Error thrown by a gateway", async () => {
    const gateway = new ScriptedGateway({
      "t:m": () => {
        throw new Error("boom");
      },
    });
    const { events } = await run(single({ maxAttempts: 3, baseDelayMs: 1 }), { gateway });
    expect(gateway.calls).toHaveLength(1);
    expect(nodeEvent(events, "node.failed", "m").error).toEqual({ code: "unknown", message: "boom", nodeId: "m" });
  });

  it("gives up after maxAttempts with the last error", async () => {
    const gateway = new ScriptedGateway({ "t:m": errorOf("server_error") });
    const { events } = await run(single({ maxAttempts: 4, baseDelayMs: 1 }), { gateway });
    expect(gateway.calls).toHaveLength(4);
    expect(nodeEvent(events, "node.failed", "m")).toMatchObject({ error: { code: "server_error", status: 503 }, attempts: 4 });
  });

  it("names the model whose call failed the node, for per-model error rates", async () => {
    const gateway = new ScriptedGateway({ "t:m": errorOf("auth") });
    const { events } = await run(single({ maxAttempts: 2, baseDelayMs: 1 }), { gateway });
    expect(nodeEvent(events, "node.failed", "m")).toMatchObject({ model: "t:m", attempts: 1 });
  });

  it("backs off exponentially, capped at maxDelayMs, when there is no jitter", async () => {
    const gateway = new ScriptedGateway({ "t:m": errorOf("server_error") });
    const { events } = await run(single({ maxAttempts: 5, baseDelayMs: 1, factor: 3, maxDelayMs: 20, jitter: 0 }), { gateway });
    expect(eventsOf(events, "node.retry").map((e) => e.delayMs)).toEqual([1, 3, 9, 20]);
  });

  it("jitters deterministically from the run seed", async () => {
    const retry = { maxAttempts: 4, baseDelayMs: 4, factor: 2, jitter: 0.5 };
    const gateway = new ScriptedGateway({ "t:m": errorOf("rate_limited") });
    const delays = async (seed: number) => eventsOf((await run(single(retry), { gateway, seed })).events, "node.retry").map((e) => e.delayMs);
    const policy = retryPolicySchema.parse(retry);
    const random = seededRandom("7:m:jitter");
    const expected = [1, 2, 3].map((attempt) => retryDelay(policy, attempt, random));
    const seven = await delays(7);
    expect(seven).toEqual(expected);
    expect(await delays(7)).toEqual(seven);
    seven.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(2 * 2 ** i);
      expect(delay).toBeLessThanOrEqual(6 * 2 ** i);
    });
    const others = await Promise.all([1, 2, 3, 4, 5].map(delays));
    expect(others.some((d) => JSON.stringify(d) !== JSON.stringify(seven))).toBe(true);
  });

  it("honours Retry-After: waits at least what the server asked for", async () => {
    const limited = new ModelError("rate_limited", "HTTP 429", { status: 429, retryAfterMs: 40 });
    const gateway = new ScriptedGateway({ "t:m": [limited, "ok"] });
    const started = Date.now();
    const { result, events } = await run(single({ maxAttempts: 2, baseDelayMs: 1 }), { gateway });
    expect(result.outputs).toEqual({ out: "ok" });
    expect(nodeEvent(events, "node.retry", "m")).toMatchObject({ delayMs: 40, error: { code: "rate_limited", status: 429 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(38);
  });
});

describe("per-attempt timeout", () => {
  it("times out each attempt, retries, and fails with code 'timeout'", async () => {
    const gateway = new ScriptedGateway({ "t:m": "hang" });
    const started = Date.now();
    const { result, events } = await run(single({ maxAttempts: 2, baseDelayMs: 1 }, { timeoutMs: 15 }), { gateway });
    expect(Date.now() - started).toBeLessThan(3000); // the call hangs forever without the timeout
    expect(gateway.calls).toHaveLength(2);
    expect(nodeEvent(events, "node.retry", "m").error).toEqual({ code: "timeout", message: "t:m did not answer within 15 ms" });
    expect(nodeEvent(events, "node.failed", "m")).toMatchObject({ error: { code: "timeout" }, attempts: 2 });
    expect(result.status).toBe("failed");
  });

  it("the timeout aborts the call's signal", async () => {
    let aborted = false;
    const gateway = new ScriptedGateway({
      "t:m": (request) => {
        request.signal.addEventListener("abort", () => (aborted = true));
        return "hang";
      },
    });
    await run(single({ maxAttempts: 1 }, { timeoutMs: 10 }), { gateway });
    expect(aborted).toBe(true);
  });
});

describe("cancellation", () => {
  const hanging = (script: Script = "hang") =>
    flow({
      nodes: [
        { id: "in", type: "input", data: { name: "question" } },
        { id: "a", type: "model", data: { model: "t:a", prompt: "{{input.question}}" } },
        { id: "b", type: "model", data: { model: "t:b", prompt: "{{input.question}}" } },
        { id: "after", type: "model", data: { model: "t:after", prompt: "{{nodes.a}}" } },
        { id: "out", type: "output" },
        { id: "out2", type: "output" },
      ],
      edges: [
        { source: "in", target: "a" },
        { source: "in", target: "b" },
        { source: "a", target: "after" },
        { source: "after", target: "out" },
        { source: "b", target: "out2" },
      ],
      ...(script === "hang" ? {} : {}),
    });

  it("aborts in-flight calls promptly and ends with run.cancelled", async () => {
    const controller = new AbortController();
    const gateway = new ScriptedGateway({ "t:a": "hang", "t:b": "hang", "t:after": "x" });
    setTimeout(() => controller.abort("user pressed stop"), 20);
    const started = Date.now();
    const { result, events } = await run(hanging(), { gateway, signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(2000); // the calls hang forever without the abort
    expect(result.status).toBe("cancelled");
    expect(events.at(-1)).toMatchObject({ type: "run.cancelled", reason: "user pressed stop" });
    expect(nodeEvent(events, "node.failed", "a").error.code).toBe("cancelled");
    expect(nodeEvent(events, "node.failed", "b").error.code).toBe("cancelled");
    // A cancelled call is nobody's error: no model to blame.
    expect(nodeEvent(events, "node.failed", "a").model).toBeUndefined();
    expect(nodeEvents(events, "after")).toEqual([]);
    expect(gateway.callsTo("t:after")).toHaveLength(0);
    expect(eventsOf(events, "node.fallback")).toEqual([]);
  });

  it("a run cancelled before it starts calls nothing", async () => {
    const controller = new AbortController();
    controller.abort("early");
    const gateway = new ScriptedGateway({ "t:a": "a", "t:b": "b", "t:after": "x" });
    const { result, events } = await run(hanging(), { gateway, signal: controller.signal });
    expect(gateway.calls).toHaveLength(0);
    expect(result.status).toBe("cancelled");
    expect(events.map((e) => e.type)).toEqual(["run.started", "run.cancelled"]);
  });

  it("interrupts a retry backoff", async () => {
    const controller = new AbortController();
    const gateway = new ScriptedGateway({ "t:m": new ModelError("server_error", "HTTP 500", { status: 500 }) });
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    const { result, events } = await run(single({ maxAttempts: 3, baseDelayMs: 10_000 }), { gateway, signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(5000); // the back-off alone is 10 s
    expect(result.status).toBe("cancelled");
    expect(gateway.calls).toHaveLength(1);
    expect(nodeEvents(events, "m")).toEqual(["node.started", "node.retry", "node.failed"]);
  });

  it("does not start calls that were waiting for a concurrency slot", async () => {
    const controller = new AbortController();
    const gateway = new ScriptedGateway({ "t:a": "hang", "t:b": "hang", "t:after": "x" });
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    const { result } = await run(hanging(), { gateway, signal: controller.signal, maxConcurrency: 1 });
    expect(Date.now() - started).toBeLessThan(2000); // the calls hang forever without the abort
    expect(result.status).toBe("cancelled");
    expect(gateway.calls.map((c) => c.model)).toEqual(["t:a"]);
  });
});
