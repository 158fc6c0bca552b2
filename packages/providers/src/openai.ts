import { createOpenAI } from "@ai-sdk/openai";
import { describeHosted, missingKey, modelCache, requireClient, type ProviderBackend } from "./backend";
import type { GatewayConfig } from "./config";
import { embedCall } from "./embed-call";
import { priceOf } from "./pricing";
import { logprobsFrom, streamCall } from "./stream-call";

const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** `openai:*` through the chat-completions API, the OpenAI API that returns token logprobs. */
export function openaiBackend(config: GatewayConfig, secrets: readonly string[]): ProviderBackend {
  // An explicit baseURL keeps the SDK from falling back to OPENAI_BASE_URL in the environment.
  const client = config.openaiApiKey
    ? createOpenAI({
        apiKey: config.openaiApiKey,
        baseURL: config.openaiBaseURL ?? DEFAULT_BASE_URL,
      })
    : undefined;
  const problem = client ? undefined : missingKey("OpenAI", "OPENAI_API_KEY");
  const chat = modelCache<ReturnType<NonNullable<typeof client>["chat"]>>();
  const embedding = modelCache<ReturnType<NonNullable<typeof client>["embedding"]>>();

  return {
    problem,
    describe: (_id, model) => describeHosted(model, priceOf(model, config.priceOverrides), problem),
    generate: async (id, request) =>
      streamCall({
        prefix: "openai",
        model: chat(id.name, () => requireClient(client, request.model, problem).chat(id.name)),
        request,
        secrets,
        providerOptions: request.logprobs ? { openai: { logprobs: true } } : undefined,
        readLogprobs: (metadata) => logprobsFrom(metadata?.openai?.logprobs),
      }),
    embed: async (id, request) =>
      embedCall(embedding(id.name, () => requireClient(client, request.model, problem).embedding(id.name)), request, secrets),
  };
}
