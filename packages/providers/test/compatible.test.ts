import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createModelGateway } from "../src";
import { startOpenAIServer, type OpenAIServer } from "./servers/openai-server";
import { chat, expectNoKey, failure, waitFor } from "./helpers";

let server: OpenAIServer;

beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("openai-compatible endpoints over real HTTP", () => {
  it("calls a keyless local server (a built-in name pointed elsewhere) with usage and model", async () => {
    const gateway = createModelGateway({
      compatible: [{ name: "ollama", baseURL: server.baseURL }],
    });
    server.script({
      kind: "reply",
      chunks: ["Bonjour", "!"],
      model: "llama3.1:8b",
      usage: { prompt: 5, completion: 2 },
    });
    const request = chat("ollama:llama3.1");
    const result = await gateway.generate(request);
    expect(request.deltas).toEqual(["Bonjour", "!"]);
    expect(result).toEqual({
      text: "Bonjour!",
      usage: { input: 5, output: 2 },
      model: "ollama:llama3.1:8b",
      simulated: false,
    });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[0]?.body).toMatchObject({
      model: "llama3.1",
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("reads logprobs when the server sends them", async () => {
    const gateway = createModelGateway({ compatible: [{ name: "vllm", baseURL: server.baseURL }] });
    server.script({ kind: "reply", chunks: ["4", "2"], logprobs: [-0.2, -0.05] });
    const result = await gateway.generate(chat("vllm:qwen2.5-7b", { logprobs: true }));
    expect(server.requests[0]?.body).toMatchObject({ logprobs: true });
    expect(result.tokenLogprobs).toEqual([-0.2, -0.05]);
    const without = await gateway.generate(chat("vllm:qwen2.5-7b"));
    expect(without.tokenLogprobs).toBeUndefined();
  });

  it("sends the key of a custom endpoint and keeps it out of errors", async () => {
    const key = "corp-SECRET-key-42424242";
    const gateway = createModelGateway({
      compatible: [{ name: "corp", baseURL: server.baseURL, apiKey: key }],
    });
    server.script({ kind: "status", status: 401, message: `bad key ${key}` });
    const error = await failure(gateway.generate(chat("corp:mixtral")));
    expect(error.code).toBe("auth");
    expectNoKey(error, key);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${key}`);
  });

  it("maps 429 with Retry-After and 500", async () => {
    const gateway = createModelGateway({
      openrouterApiKey: "or-SECRET-key-123456",
      compatible: [{ name: "openrouter", baseURL: server.baseURL }],
    });
    server.script({ kind: "status", status: 429, retryAfter: "2" });
    expect(
      await failure(gateway.generate(chat("openrouter:meta-llama/llama-3.1-8b-instruct"))),
    ).toMatchObject({ code: "rate_limited", retryAfterMs: 2000 });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer or-SECRET-key-123456");
    server.script({ kind: "status", status: 500 });
    expect(
      await failure(gateway.generate(chat("openrouter:meta-llama/llama-3.1-8b-instruct"))),
    ).toMatchObject({ code: "server_error" });
  });

  it("stops a hung call promptly on abort", async () => {
    const gateway = createModelGateway({
      compatible: [{ name: "lmstudio", baseURL: server.baseURL }],
    });
    server.script({ kind: "hang" });
    const controller = new AbortController();
    const call = gateway.generate(chat("lmstudio:phi-3", { signal: controller.signal }));
    await waitFor(() => server.requests.length === 1);
    const abortedAt = performance.now();
    controller.abort();
    expect((await failure(call)).code).toBe("cancelled");
    expect(performance.now() - abortedAt).toBeLessThan(1000); // a hung call would never end
  });

  it("embeds through the endpoint", async () => {
    const gateway = createModelGateway({
      compatible: [{ name: "ollama", baseURL: server.baseURL }],
    });
    const result = await gateway.embed({
      model: "ollama:nomic-embed-text",
      texts: ["abc"],
      signal: new AbortController().signal,
    });
    expect(result.vectors).toEqual([[3, 97, 1]]);
  });
});
