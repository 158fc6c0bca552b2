import { createOpenAICompatible, type MetadataExtractor } from "@ai-sdk/openai-compatible";
import { describeHosted, missingKey, modelCache, requireClient, type ProviderBackend } from "./backend";
import type { GatewayConfig, ResolvedEndpoint } from "./config";
import { embedCall } from "./embed-call";
import { priceOf } from "./pricing";
import { streamCall } from "./stream-call";

/** Any server speaking OpenAI's chat-completions protocol (Ollama, vLLM, LM Studio, OpenRouter…). */
export function compatibleBackend(
  endpoint: ResolvedEndpoint,
  config: GatewayConfig,
  secrets: readonly string[],
): ProviderBackend {
  const { name } = endpoint;
  const client =
    endpoint.requiresKey && !endpoint.apiKey
      ? undefined
      : createOpenAICompatible({
          name,
          baseURL: endpoint.baseURL,
          apiKey: endpoint.apiKey,
          includeUsage: true, // without it streamed responses carry no token counts
          metadataExtractor: logprobsExtractor(name),
        });
  const problem = client
    ? undefined
    : missingKey(endpoint.label, endpoint.keyEnvVar ?? `the ${name} key`);
  const chat = modelCache<ReturnType<NonNullable<typeof client>["chatModel"]>>();
  const embedding = modelCache<ReturnType<NonNullable<typeof client>["embeddingModel"]>>();

  return {
    problem,
    describe: (_id, model) => describeHosted(model, priceOf(model, config.priceOverrides), problem),
    generate: async (id, request) =>
      streamCall({
        prefix: name,
        model: chat(id.name, () => requireClient(client, request.model, problem).chatModel(id.name)),
        request,
        secrets,
        // Unknown keys under the provider's name are passed into the request body as-is.
        providerOptions: request.logprobs ? { [name]: { logprobs: true } } : undefined,
        readLogprobs: (metadata) => numbers(metadata?.[name]?.logprobs),
      }),
    embed: async (id, request) =>
      embedCall(
        embedding(id.name, () => requireClient(client, request.model, problem).embeddingModel(id.name)),
        request,
        secrets,
      ),
  };
}

/**
 * The compatible provider drops `choices[].logprobs`; this collects them from the raw chunks
 * (servers that support logprobs send OpenAI's `logprobs.content[].logprob` shape).
 */
function logprobsExtractor(name: string): MetadataExtractor {
  const build = (logprobs: number[]) =>
    logprobs.length > 0 ? { [name]: { logprobs } } : undefined;
  return {
    extractMetadata: ({ parsedBody }) => Promise.resolve(build(chunkLogprobs(parsedBody))),
    createStreamExtractor: () => {
      const collected: number[] = [];
      return {
        processChunk: (chunk) => collected.push(...chunkLogprobs(chunk)),
        buildMetadata: () => build(collected),
      };
    },
  };
}

function chunkLogprobs(chunk: unknown): number[] {
  const choices = field(chunk, "choices");
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const content = field(field(first, "logprobs"), "content");
  if (!Array.isArray(content)) return [];
  return content
    .map((token) => field(token, "logprob"))
    .filter((value): value is number => typeof value === "number");
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function numbers(value: unknown): number[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "number")
    ? value
    : undefined;
}
