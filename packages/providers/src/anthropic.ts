import { createAnthropic } from "@ai-sdk/anthropic";
import { ModelError } from "@switchyard/core";
import { describeHosted, missingKey, modelCache, requireClient, type ProviderBackend } from "./backend";
import type { GatewayConfig } from "./config";
import { priceOf } from "./pricing";
import { streamCall } from "./stream-call";

const DEFAULT_BASE_URL = "https://api.anthropic.com/v1";

/** `anthropic:*` through the Messages API. Anthropic returns no logprobs and has no embeddings. */
export function anthropicBackend(
  config: GatewayConfig,
  secrets: readonly string[],
): ProviderBackend {
  // An explicit baseURL keeps the SDK from falling back to ANTHROPIC_BASE_URL in the environment.
  const client = config.anthropicApiKey
    ? createAnthropic({
        apiKey: config.anthropicApiKey,
        baseURL: config.anthropicBaseURL ?? DEFAULT_BASE_URL,
      })
    : undefined;
  const problem = client ? undefined : missingKey("Anthropic", "ANTHROPIC_API_KEY");
  const chat = modelCache<ReturnType<NonNullable<typeof client>>>();

  return {
    problem,
    describe: (_id, model) => describeHosted(model, priceOf(model, config.priceOverrides), problem),
    generate: async (id, request) =>
      streamCall({
        prefix: "anthropic",
        model: chat(id.name, () => requireClient(client, request.model, problem)(id.name)),
        request,
        secrets,
      }),
    embed: async (_id, request) => {
      throw new ModelError("bad_request", `${request.model}: Anthropic has no embedding models`);
    },
  };
}
