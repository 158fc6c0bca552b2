import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareFlow, runFlow, type ModelGateway, type RunEvent } from "@switchyard/core";
import { createModelGateway } from "../src";
import { startAnthropicServer } from "./servers/anthropic-server";
import { startGeminiServer } from "./servers/gemini-server";
import { startOpenAIServer } from "./servers/openai-server";
import type { FailureBehaviour, ScriptedServer } from "./servers/scripted-server";
import { chat, failure } from "./helpers";

// Streams that begin like the provider's and stop before it says it is done.
const sse = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ""}data: ${JSON.stringify(data)}\n\n`;
const openaiStart = sse({
  id: "c",
  object: "chat.completion.chunk",
  created: 1,
  model: "m",
  choices: [{ index: 0, delta: { content: "Can" }, finish_reason: null }],
});
const anthropicStart =
  sse(
    {
      type: "message_start",
      message: {
        id: "m",
        type: "message",
        role: "assistant",
        model: "claude",
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 3, output_tokens: 1 },
      },
    },
    "message_start",
  ) +
  sse(
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    "content_block_start",
  ) +
  sse(
    { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Can" } },
    "content_block_delta",
  );
const geminiStart = sse({
  candidates: [{ content: { role: "model", parts: [{ text: "Can" }] }, index: 0 }],
});

interface Case {
  provider: string;
  model: string;
  start: () => Promise<ScriptedServer<unknown> & { baseURL: string }>;
  gateway: (baseURL: string) => ModelGateway;
  cutShort: string;
}

const cases: Case[] = [
  {
    provider: "openai",
    model: "openai:gpt-4o-mini",
    start: startOpenAIServer,
    gateway: (url) =>
      createModelGateway({ openaiApiKey: "sk-test-key-123456", openaiBaseURL: url }),
    cutShort: openaiStart,
  },
  {
    provider: "openai-compatible",
    model: "lab:qwen",
    start: startOpenAIServer,
    gateway: (url) => createModelGateway({ compatible: [{ name: "lab", baseURL: url }] }),
    cutShort: openaiStart,
  },
  {
    provider: "anthropic",
    model: "anthropic:claude-haiku-4-5",
    start: startAnthropicServer,
    gateway: (url) =>
      createModelGateway({ anthropicApiKey: "sk-ant-key-123456", anthropicBaseURL: url }),
    cutShort: anthropicStart,
  },
  {
    provider: "google",
    model: "google:gemini-2.5-flash",
    start: startGeminiServer,
    gateway: (url) => createModelGateway({ googleApiKey: "AIza-key-123456", googleBaseURL: url }),
    cutShort: geminiStart,
  },
];

const bodies = (c: Case): [string, FailureBehaviour][] => [
  ["garbage", { kind: "raw", body: "<html><body>502 Bad Gateway</body></html>" }],
  ["garbage JSON", { kind: "raw", body: "data: {not json\n\n" }],
  ["an empty body", { kind: "raw", body: "" }],
  ["a stream cut short", { kind: "raw", body: c.cutShort }],
  ["a stream cut short by a reset connection", { kind: "raw", body: c.cutShort, reset: true }],
];

describe.each(cases)(
  "$provider: a broken 200 body is a retryable provider error, not an answer",
  (c) => {
    let server: ScriptedServer<unknown> & { baseURL: string };
    let gateway: ModelGateway;
    beforeAll(async () => {
      server = await c.start();
      gateway = c.gateway(server.baseURL);
    });
    afterAll(() => server.close());

    it.each(bodies(c))("%s", async (_label, behaviour) => {
      server.script(behaviour);
      const error = await failure(gateway.generate(chat(c.model)));
      expect(error.code).toBe("server_error");
      expect(error.retryable).toBe(true);
      expect(error.message.startsWith(`${c.model}: `)).toBe(true);
    });
  },
);

describe("a broken body through the engine", () => {
  it("is retried, then the fallback edge is taken", async () => {
    const server = await startOpenAIServer();
    try {
      server.script({ kind: "raw", body: "" });
      const gateway = createModelGateway({
        openaiApiKey: "sk-test-key-123456",
        openaiBaseURL: server.baseURL,
      });
      const prepared = prepareFlow({
        format: "switchyard.flow/v1",
        name: "broken",
        inputs: [{ name: "question" }],
        nodes: [
          { id: "question", type: "input" },
          {
            id: "gpt",
            type: "model",
            data: {
              model: "openai:gpt-4o-mini",
              prompt: "{{input.question}}",
              retry: { maxAttempts: 2, baseDelayMs: 1 },
            },
          },
          { id: "sorry", type: "constant", data: { value: "The service is busy." } },
          { id: "out", type: "output" },
        ],
        edges: [
          { source: "question", target: "gpt" },
          { source: "gpt", target: "out" },
          { source: "gpt", target: "sorry", kind: "fallback" },
          { source: "sorry", target: "out" },
        ],
      });
      if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join("; "));
      const events: RunEvent[] = [];
      const result = await runFlow(prepared.flow, {
        gateway,
        inputs: { question: "hi" },
        onEvent: (e) => events.push(e),
      });
      expect(server.requests).toHaveLength(2);
      expect(events.filter((e) => e.type === "node.retry")).toEqual([
        expect.objectContaining({
          nodeId: "gpt",
          error: {
            code: "server_error",
            message: "openai:gpt-4o-mini: the response ended without an answer (stream broke off)",
          },
        }),
      ]);
      expect(events.find((e) => e.type === "node.fallback")).toMatchObject({
        from: "gpt",
        to: "sorry",
        reason: "error",
      });
      expect(result).toMatchObject({
        status: "completed",
        outputs: { out: "The service is busy." },
      });
    } finally {
      await server.close();
    }
  });
});
