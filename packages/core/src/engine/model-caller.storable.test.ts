import { describe, expect, it } from "vitest";
import { eventsOf, flow, nodeEvent, run } from "../test-support/run-helpers";
import { ModelError } from "../model/model-errors";
import type { ModelGateway, ModelRequest } from "../model/model-gateway";
import { isStorable } from "../util/storable-text";

const kangaroo = "🦘"; // one character, two UTF-16 units

/** A gateway that streams `deltas` (or fails with `error` on the first attempt), like a provider echoing bytes it got. */
function streaming(deltas: string[], options: { error?: string; model?: string } = {}): ModelGateway & { calls: ModelRequest[] } {
  const calls: ModelRequest[] = [];
  return {
    calls,
    describe: () => ({ simulated: false, price: { inputPerMTok: 1, outputPerMTok: 1 } }),
    async generate(request) {
      calls.push(request);
      if (options.error && request.attempt === 1) throw new ModelError("server_error", options.error, { status: 500 });
      for (const delta of deltas) request.onDelta?.(delta);
      return { text: deltas.join(""), usage: { input: 1, output: deltas.length }, model: options.model ?? request.model, simulated: false };
    },
    embed: () => Promise.reject(new Error("no embeddings")),
  };
}

const single = flow({
  nodes: [
    { id: "m", type: "model", data: { model: "t:m", prompt: "{{input.question}}", retry: { maxAttempts: 2, baseDelayMs: 1 } } },
    { id: "out", type: "output" },
  ],
  edges: [{ source: "m", target: "out" }],
});

describe("model text is made storable where it enters the engine", () => {
  it("replaces NUL and lone surrogates in deltas and the final text, keeps a pair split across deltas, and counts", async () => {
    const gateway = streaming(["ok\u0000 ", kangaroo[0]!, `${kangaroo[1]!} hop \uD800`, "x\uDC00"], { model: "t:m\u0000-snapshot" });
    const { result, events } = await run(single, { gateway });
    expect(result.status).toBe("completed");
    const deltas = eventsOf(events, "node.delta").map((e) => e.text);
    expect(deltas.every(isStorable)).toBe(true);
    expect(deltas.join("")).toBe(`ok\uFFFD ${kangaroo} hop \uFFFDx\uFFFD`);
    const completed = nodeEvent(events, "node.completed", "m");
    expect(completed.output.text).toBe(`ok\uFFFD ${kangaroo} hop \uFFFDx\uFFFD`);
    expect(completed.replacedChars).toBe(3);
    expect(completed.model).toBe("t:m\uFFFD-snapshot");
    expect(result.outputs).toEqual({ out: `ok\uFFFD ${kangaroo} hop \uFFFDx\uFFFD` });
    expect(result.nodes.m).toMatchObject({ status: "completed", replacedChars: 3 });
  });

  it("a high surrogate left at the very end of a stream is replaced too", async () => {
    const { events } = await run(single, { gateway: streaming(["end ", kangaroo[0]!]) });
    expect(eventsOf(events, "node.delta").map((e) => e.text)).toEqual(["end ", "\uFFFD"]);
    expect(nodeEvent(events, "node.completed", "m").replacedChars).toBe(1);
  });

  it("reports nothing when nothing was replaced", async () => {
    const { events } = await run(single, { gateway: streaming(["fine ", kangaroo]) });
    expect(nodeEvent(events, "node.completed", "m")).not.toHaveProperty("replacedChars");
  });

  it("makes error messages storable: they can echo a provider's body", async () => {
    const { events } = await run(single, { gateway: streaming(["ok"], { error: "HTTP 500: bad byte \u0000 and \uDBFF" }) });
    expect(nodeEvent(events, "node.retry", "m").error.message).toBe("HTTP 500: bad byte \uFFFD and \uFFFD");
    const failing = streaming([], { error: "boom \u0000" });
    failing.generate = () => Promise.reject(new ModelError("bad_request", "HTTP 400: echo \uD800", { status: 400 }));
    const { events: failed } = await run(single, { gateway: failing });
    expect(nodeEvent(failed, "node.failed", "m").error.message).toBe("HTTP 400: echo \uFFFD");
    expect(JSON.stringify(failed.at(-1))).not.toMatch(/\\u0000|\\ud800/i);
  });

  it("keeps replacedChars through a resume", async () => {
    const gateway = streaming(["a\u0000"]);
    const first = await run(single, { gateway });
    const resumed = await run(single, { gateway, resume: { nodes: { m: first.result.nodes.m! }, nextSeq: 10 } });
    expect(gateway.calls).toHaveLength(1);
    expect(resumed.result.nodes.m).toMatchObject({ replacedChars: 1 });
  });
});
