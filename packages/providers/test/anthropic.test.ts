import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ModelGateway } from "@switchyard/core";
import { createModelGateway } from "../src";
import { startAnthropicServer, type AnthropicServer } from "./servers/anthropic-server";
import { chat, expectNoKey, failure, waitFor } from "./helpers";

const KEY = "sk-ant-test-SECRET-0123456789";
let server: AnthropicServer;
let gateway: ModelGateway;

beforeAll(async () => {
  server = await startAnthropicServer();
  gateway = createModelGateway({ anthropicApiKey: KEY, anthropicBaseURL: server.baseURL });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("anthropic over real HTTP", () => {
  it("streams deltas and reports usage and the model actually used", async () => {
    server.script({
      kind: "reply",
      chunks: ["Canberra", ".", " Confidence", ": 90%"],
      usage: { input: 14, output: 6 },
    });
    const request = chat("anthropic:claude-sonnet-4-5", { system: "Be brief.", maxTokens: 100 });
    const result = await gateway.generate(request);
    expect(request.deltas).toEqual(["Canberra", ".", " Confidence", ": 90%"]);
    expect(result).toEqual({
      text: "Canberra. Confidence: 90%",
      usage: { input: 14, output: 6 },
      model: "anthropic:claude-sonnet-4-5-20250929",
      simulated: false,
    });

    const sent = server.requests[0];
    expect(sent?.path).toBe("/v1/messages");
    expect(sent?.headers["x-api-key"]).toBe(KEY);
    expect(sent?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(sent?.body).toMatchObject({
      model: "claude-sonnet-4-5",
      stream: true,
      max_tokens: 100,
      system: [{ type: "text", text: "Be brief." }],
    });
  });

  it("maps 429 with Retry-After and 529 overloaded, one request each", async () => {
    server.script({
      kind: "status",
      status: 429,
      retryAfter: "12",
      errorType: "rate_limit_error",
      message: "Number of requests has exceeded your rate limit",
    });
    expect(await failure(gateway.generate(chat("anthropic:claude-haiku-4-5")))).toMatchObject({
      code: "rate_limited",
      retryAfterMs: 12_000,
    });
    server.script({
      kind: "status",
      status: 529,
      errorType: "overloaded_error",
      message: "Overloaded",
    });
    expect(await failure(gateway.generate(chat("anthropic:claude-haiku-4-5")))).toMatchObject({
      code: "server_error",
      status: 529,
    });
    expect(server.requests).toHaveLength(2);
  });

  it("maps 401 and 403 to auth without leaking the key", async () => {
    for (const status of [401, 403]) {
      server.script({
        kind: "status",
        status,
        errorType: "authentication_error",
        message: `invalid x-api-key ${KEY}`,
      });
      const error = await failure(gateway.generate(chat("anthropic:claude-haiku-4-5")));
      expect(error.code).toBe("auth");
      expectNoKey(error, KEY);
    }
  });

  it("stops a hung call promptly on abort", async () => {
    server.script({ kind: "hang" });
    const controller = new AbortController();
    const call = gateway.generate(
      chat("anthropic:claude-haiku-4-5", { signal: controller.signal }),
    );
    await waitFor(() => server.requests.length === 1);
    const abortedAt = performance.now();
    controller.abort();
    expect((await failure(call)).code).toBe("cancelled");
    expect(performance.now() - abortedAt).toBeLessThan(1000); // a hung call would never end
  });
});
