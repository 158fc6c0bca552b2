import type { ModelGateway } from "@switchyard/core";
import { createModelGateway, LOCAL_ENDPOINT_NAMES, type GatewayConfig } from "@switchyard/providers";
import type { Env } from "./env";

/**
 * Provider configuration from the environment (workspace credentials are layered on by the server).
 * The host decides the default for the built-in local endpoints: a server's users must not reach
 * its own ports unless its operator says so; the CLI runs on the user's own machine.
 */
export function gatewayConfigFromEnv(env: Env, host: "server" | "cli" = "server"): GatewayConfig {
  const googleKey = env.GOOGLE_GENERATIVE_AI_API_KEY ?? env.GOOGLE_API_KEY;
  return {
    localEndpoints: env.SWITCHYARD_LOCAL_MODELS ?? (host === "cli" ? [...LOCAL_ENDPOINT_NAMES] : []),
    ...(env.OPENAI_API_KEY ? { openaiApiKey: env.OPENAI_API_KEY } : {}),
    ...(env.OPENAI_BASE_URL ? { openaiBaseURL: env.OPENAI_BASE_URL } : {}),
    ...(env.ANTHROPIC_API_KEY ? { anthropicApiKey: env.ANTHROPIC_API_KEY } : {}),
    ...(env.ANTHROPIC_BASE_URL ? { anthropicBaseURL: env.ANTHROPIC_BASE_URL } : {}),
    ...(googleKey ? { googleApiKey: googleKey } : {}),
    ...(env.OPENROUTER_API_KEY ? { openrouterApiKey: env.OPENROUTER_API_KEY } : {}),
    ...(env.SWITCHYARD_OPENAI_COMPATIBLE ? { compatible: env.SWITCHYARD_OPENAI_COMPATIBLE } : {}),
    ...(env.SWITCHYARD_PRICES ? { priceOverrides: env.SWITCHYARD_PRICES } : {}),
  };
}

export function gatewayFromEnv(env: Env, host: "server" | "cli" = "server"): ModelGateway {
  return createModelGateway(gatewayConfigFromEnv(env, host));
}
