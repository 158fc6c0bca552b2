import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ModelGateway } from "@switchyard/core";
import { createModelGateway } from "../src";
import { startOpenAIServer, type OpenAIServer } from "./servers/openai-server";
import { chat, expectNoKey, failure, waitFor } from "./helpers";

const KEY = "sk-test-SECRET-0123456789abcdef";
let server: OpenAIServer;
let gateway: ModelGateway;

beforeAll(async () => {
  server = await startOpenAIServer();
  gateway = createModelGateway({ openaiApiKey: KEY, openaiBaseURL: server.baseURL });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("openai over real HTTP", () => {
  it("streams deltas and reports usage and the model actually used", async () => {
    server.script({
      kind: "reply",
      chunks: ["Canberra", " is", " the", " capital", "."],
      usage: { prompt: 21, completion: 5 },
    });
    const request = chat("openai:gpt-4o-mini", {
      system: "Be brief.",
      temperature: 0.2,
      maxTokens: 50,
    });
    const result = await gateway.generate(request);
    expect(request.deltas).toEqual(["Canberra", " is", " the", " capital", "."]);
    expect(result).toEqual({
      text: "Canberra is the capital.",
      usage: { input: 21, output: 5 },
      model: "openai:gpt-4o-mini-2024-07-18",
      simulated: false,
    });

    const sent = server.requests[0];
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent?.body).toMatchObject({
      model: "gpt-4o-mini",
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      max_tokens: 50,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "What is the capital of Australia?" },
      ],
    });
  });

  it("says when the reply stopped at max_tokens", async () => {
    server.script({ kind: "reply", chunks: ["Canberra", " is"], finishReason: "length" });
    const result = await gateway.generate(chat("openai:gpt-4o-mini", { maxTokens: 2 }));
    expect(result).toMatchObject({ text: "Canberra is", truncated: true });
    server.script({ kind: "reply", chunks: ["Canberra."] });
    expect(await gateway.generate(chat("openai:gpt-4o-mini"))).not.toHaveProperty("truncated");
  });

  it("asks for and returns token logprobs", async () => {
    server.script({ kind: "reply", chunks: ["Can", "berra"], logprobs: [-0.01, -0.9] });
    const result = await gateway.generate(chat("openai:gpt-4o", { logprobs: true }));
    expect(server.requests[0]?.body).toMatchObject({ logprobs: true });
    expect(result.tokenLogprobs).toEqual([-0.01, -0.9]);
  });

  it("maps 429 to rate_limited with Retry-After, without retrying itself", async () => {
    server.script({
      kind: "status",
      status: 429,
      retryAfter: "7",
      message: "Rate limit reached",
      errorType: "rate_limit_exceeded",
    });
    const error = await failure(gateway.generate(chat("openai:gpt-4o-mini")));
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterMs: 7000 });
    expect(error.message).toContain("Rate limit reached");
    expect(server.requests).toHaveLength(1);
  });

  it("reads an HTTP-date Retry-After", async () => {
    server.script({
      kind: "status",
      status: 429,
      retryAfter: new Date(Date.now() + 30_000).toUTCString(),
    });
    const error = await failure(gateway.generate(chat("openai:gpt-4o-mini")));
    expect(error.retryAfterMs).toBeGreaterThan(25_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it("maps 5xx to server_error and 400 to bad_request, one request each", async () => {
    server.script({ kind: "status", status: 503, message: "overloaded" });
    expect(await failure(gateway.generate(chat("openai:gpt-4o-mini")))).toMatchObject({
      code: "server_error",
      status: 503,
    });
    server.script({
      kind: "status",
      status: 400,
      message: "bad 'messages'",
      errorType: "invalid_request_error",
    });
    expect(await failure(gateway.generate(chat("openai:gpt-4o-mini")))).toMatchObject({
      code: "bad_request",
      status: 400,
    });
    expect(server.requests).toHaveLength(2);
  });

  it("maps 401 to auth and never shows the key, even when the server echoes it", async () => {
    server.script({
      kind: "status",
      status: 401,
      message: `Incorrect API key provided: ${KEY}.`,
      errorType: "invalid_request_error",
    });
    const error = await failure(gateway.generate(chat("openai:gpt-4o-mini")));
    expect(error.code).toBe("auth");
    expect(error.message).toContain("[redacted]");
    expectNoKey(error, KEY);
  });

  it("stops a hung call promptly on abort and closes the connection", async () => {
    server.script({ kind: "hang" });
    const controller = new AbortController();
    const call = gateway.generate(chat("openai:gpt-4o-mini", { signal: controller.signal }));
    await waitFor(() => server.requests.length === 1);
    const before = server.disconnectedWhileHanging;
    const abortedAt = performance.now();
    controller.abort();
    const error = await failure(call);
    expect(performance.now() - abortedAt).toBeLessThan(1000); // a hung call would never end
    expect(error.code).toBe("cancelled");
    await waitFor(() => server.disconnectedWhileHanging === before + 1);
  });

  it("stops mid-stream on abort and delivers no more deltas", async () => {
    server.script({ kind: "reply", chunks: ["a", "b", "c", "d", "e", "f"], chunkDelayMs: 40 });
    const controller = new AbortController();
    const request = chat("openai:gpt-4o-mini", { signal: controller.signal });
    const call = gateway.generate(request);
    await waitFor(() => request.deltas.length >= 1);
    controller.abort();
    expect((await failure(call)).code).toBe("cancelled");
    const seen = request.deltas.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(request.deltas.length).toBe(seen);
    expect(seen).toBeLessThan(6);
  });

  it("surfaces an error frame in the middle of the stream as a thrown ModelError", async () => {
    server.script({
      kind: "reply",
      chunks: ["partial"],
      streamError: { message: "The server had an error", type: "server_error" },
    });
    const request = chat("openai:gpt-4o-mini");
    const error = await failure(gateway.generate(request));
    expect(error.code).toBe("server_error");
    expect(error.message).toContain("The server had an error");
    expect(request.deltas).toEqual(["partial"]);
  });

  it("maps a refused connection to network", async () => {
    const closed = await startOpenAIServer();
    await closed.close();
    const offline = createModelGateway({ openaiApiKey: KEY, openaiBaseURL: closed.baseURL });
    const error = await failure(offline.generate(chat("openai:gpt-4o-mini")));
    expect(error.code).toBe("network");
    expect(error.retryable).toBe(true);
    expectNoKey(error, KEY);
    // Nothing about the server's network: no host, port or errno.
    expect(error.message).toBe("openai:gpt-4o-mini: the provider could not be reached");
    const port = new URL(closed.baseURL).port;
    expect(error.message).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${port}|ECONN|fetch failed`));
  });

  it("embeds with embedMany", async () => {
    const result = await gateway.embed({
      model: "openai:text-embedding-3-small",
      texts: ["refund please", "hi"],
      signal: new AbortController().signal,
    });
    expect(result).toEqual({
      vectors: [
        [13, 114, 1],
        [2, 104, 1],
      ],
      usage: { input: 3, output: 0 },
      simulated: false,
    });
    expect(server.requests[0]).toMatchObject({
      path: "/v1/embeddings",
      body: { model: "text-embedding-3-small", input: ["refund please", "hi"] },
    });
  });
});
