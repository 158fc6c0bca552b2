import { ModelError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { modelCatalog } from "./catalog";
import { createModelGateway } from "./gateway";

const signal = new AbortController().signal;
const call = (model: string) => ({ model, prompt: "hi", seed: "s", attempt: 1, signal });

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe("createModelGateway", () => {
  const gateway = createModelGateway({});

  it("names the known providers when the prefix is unknown", async () => {
    const message =
      "unknown model provider 'foo' in 'foo:bar'; known: openai, anthropic, google, sim, openrouter";
    expect(gateway.describe("foo:bar")).toEqual({
      simulated: false,
      unavailable: message,
      unavailableReason: "unknown-model",
    });
    const error = await failure(gateway.generate(call("foo:bar")));
    expect(error.code).toBe("bad_request");
    expect(error.message).toBe(message);
  });

  it("explains a model id without a provider prefix", () => {
    const info = gateway.describe("gpt-4o");
    expect(info.unavailable).toMatch(/^model id 'gpt-4o' has no provider prefix/);
    expect(info.unavailableReason).toBe("unknown-model");
  });

  it.each([
    [
      "openai:gpt-4o",
      "openai:gpt-4o needs an OpenAI API key (set OPENAI_API_KEY or add it in Settings)",
    ],
    [
      "anthropic:claude-sonnet-4-5",
      "anthropic:claude-sonnet-4-5 needs an Anthropic API key (set ANTHROPIC_API_KEY or add it in Settings)",
    ],
    [
      "google:gemini-2.5-flash",
      "google:gemini-2.5-flash needs a Google API key (set GOOGLE_GENERATIVE_AI_API_KEY or add it in Settings)",
    ],
    [
      "openrouter:meta-llama/llama-3.1-8b-instruct",
      "openrouter:meta-llama/llama-3.1-8b-instruct needs an OpenRouter API key (set OPENROUTER_API_KEY or add it in Settings)",
    ],
  ])("reports a missing key for %s in describe() and as an auth error", async (model, message) => {
    expect(gateway.describe(model)).toMatchObject({
      unavailable: message,
      unavailableReason: "missing-key",
    });
    const error = await failure(gateway.generate(call(model)));
    expect(error.code).toBe("auth");
    expect(error.message).toBe(message);
  });

  it("keeps prices for models that lack a key, so the UI can still show them", () => {
    expect(gateway.describe("google:gemini-2.5-flash").price).toEqual({
      inputPerMTok: 0.3,
      outputPerMTok: 2.5,
    });
  });

  it("calls keyless local endpoints only when the host enables them, and says how to", async () => {
    const message =
      "ollama:llama3.1: the built-in Ollama endpoint (on the server's own machine) is off; the server's operator can enable it with SWITCHYARD_LOCAL_MODELS=ollama";
    expect(gateway.describe("ollama:llama3.1")).toEqual({
      simulated: false,
      unavailable: message,
      unavailableReason: "unknown-model",
    });
    expect(await failure(gateway.generate(call("ollama:llama3.1")))).toMatchObject({
      code: "bad_request",
      message,
    });
    const local = createModelGateway({ localEndpoints: ["ollama", "vllm"] });
    expect(local.describe("ollama:llama3.1")).toEqual({ price: undefined, simulated: false });
    expect(local.describe("vllm:qwen").unavailable).toBeUndefined();
    expect(local.describe("lmstudio:phi-3").unavailable).toMatch(
      /SWITCHYARD_LOCAL_MODELS=lmstudio$/,
    );
    // An endpoint the operator configured by name is enabled by that configuration.
    const configured = createModelGateway({
      compatible: [{ name: "ollama", baseURL: "http://gpu-box:11434/v1" }],
    });
    expect(configured.describe("ollama:llama3.1").unavailable).toBeUndefined();
  });

  it("accepts a key for openrouter and custom endpoints, and rejects reserved names", () => {
    expect(
      createModelGateway({ openrouterApiKey: "or-key-123456" }).describe("openrouter:x/y")
        .unavailable,
    ).toBeUndefined();
    const custom = createModelGateway({
      compatible: [{ name: "corp", baseURL: "http://proxy.local/v1", apiKey: "k" }],
    });
    expect(custom.describe("corp:any-model").unavailable).toBeUndefined();
    expect(() =>
      createModelGateway({ compatible: [{ name: "openai", baseURL: "http://x" }] }),
    ).toThrow(/reserved/);
  });

  it("rejects embeddings from Anthropic with a clear bad_request", async () => {
    const gatewayWithKey = createModelGateway({ anthropicApiKey: "sk-ant-test" });
    const error = await failure(
      gatewayWithKey.embed({ model: "anthropic:claude-haiku-4-5", texts: ["x"], signal }),
    );
    expect(error.code).toBe("bad_request");
  });
});

describe("modelCatalog", () => {
  it("groups models by provider with price, simulated flag and availability", () => {
    const catalog = modelCatalog({
      openaiApiKey: "sk-test",
      localEndpoints: ["ollama", "lmstudio", "vllm"],
      priceOverrides: { "ollama:llama3.1": { inputPerMTok: 0, outputPerMTok: 0 } },
    });
    const group = (provider: string) => catalog.find((g) => g.provider === provider);
    expect(catalog.map((g) => g.provider)).toEqual([
      "openai",
      "anthropic",
      "google",
      "sim",
      "ollama",
      "lmstudio",
      "vllm",
      "openrouter",
    ]);

    expect(group("sim")?.models.map((m) => [m.id, m.kind, m.simulated, m.available])).toEqual([
      ["sim:fast", "chat", true, true],
      ["sim:strong", "chat", true, true],
      ["sim:embed", "embedding", true, true],
    ]);
    const openai = group("openai");
    expect(openai?.available).toBe(true);
    expect(openai?.models.find((m) => m.id === "openai:gpt-4o-mini")).toEqual({
      id: "openai:gpt-4o-mini",
      kind: "chat",
      price: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      priceSource:
        "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json",
      simulated: false,
      available: true,
    });
    expect(openai?.models.find((m) => m.id === "openai:text-embedding-3-small")?.kind).toBe(
      "embedding",
    );

    const anthropic = group("anthropic");
    expect(anthropic?.available).toBe(false);
    expect(anthropic?.unavailable).toBe(
      "needs an Anthropic API key (set ANTHROPIC_API_KEY or add it in Settings)",
    );
    expect(anthropic?.models.every((m) => !m.available && m.price)).toBe(true);

    expect(group("ollama")).toMatchObject({
      label: "Ollama",
      available: true,
      models: [{ id: "ollama:llama3.1", priceSource: "override" }],
    });
    expect(group("openrouter")?.available).toBe(false);
    expect(modelCatalog({}).map((g) => g.provider)).toEqual([
      "openai",
      "anthropic",
      "google",
      "sim",
      "openrouter",
    ]);
  });
});
