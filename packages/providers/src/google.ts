import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { describeHosted, missingKey, modelCache, requireClient, type ProviderBackend } from "./backend";
import type { GatewayConfig } from "./config";
import { embedCall } from "./embed-call";
import { priceOf } from "./pricing";
import { streamCall } from "./stream-call";

const DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

/** `google:*` through the Gemini API (AI Studio keys). */
export function googleBackend(config: GatewayConfig, secrets: readonly string[]): ProviderBackend {
  const client = config.googleApiKey
    ? createGoogleGenerativeAI({
        apiKey: config.googleApiKey,
        baseURL: config.googleBaseURL ?? DEFAULT_BASE_URL,
      })
    : undefined;
  // GOOGLE_GENERATIVE_AI_API_KEY is the variable the AI SDK and its docs use for Gemini.
  const problem = client ? undefined : missingKey("Google", "GOOGLE_GENERATIVE_AI_API_KEY");
  const chat = modelCache<ReturnType<NonNullable<typeof client>>>();
  const embedding = modelCache<ReturnType<NonNullable<typeof client>["embedding"]>>();

  return {
    problem,
    describe: (_id, model) => describeHosted(model, priceOf(model, config.priceOverrides), problem),
    generate: async (id, request) =>
      streamCall({
        prefix: "google",
        model: chat(id.name, () => requireClient(client, request.model, problem)(id.name)),
        request,
        secrets,
      }),
    embed: async (id, request) =>
      embedCall(embedding(id.name, () => requireClient(client, request.model, problem).embedding(id.name)), request, secrets),
  };
}
