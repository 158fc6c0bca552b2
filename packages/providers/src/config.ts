import type { ModelPrice } from "@switchyard/core";

/** An OpenAI-compatible endpoint (Ollama, vLLM, LM Studio, OpenRouter, a company proxy…). */
export interface CompatibleEndpoint {
  /** The model-id prefix, e.g. `ollama` in `ollama:llama3.1`. */
  name: string;
  /** Base URL including the version path, e.g. `http://localhost:11434/v1`. */
  baseURL: string;
  apiKey?: string;
}

/**
 * Everything the gateway needs, as plain data. The package never reads `process.env`: the server
 * or CLI parses its environment and settings and passes keys in.
 */
export interface GatewayConfig {
  openaiApiKey?: string;
  anthropicApiKey?: string;
  googleApiKey?: string;
  /** Key for the built-in `openrouter` endpoint (an entry in `compatible` may also carry one). */
  openrouterApiKey?: string;
  openaiBaseURL?: string;
  anthropicBaseURL?: string;
  googleBaseURL?: string;
  /** Extra OpenAI-compatible endpoints; an entry with a built-in name replaces that endpoint. */
  compatible?: CompatibleEndpoint[];
  /**
   * Built-in keyless endpoints on this machine's localhost (Ollama, LM Studio, vLLM) that model ids
   * may use. None unless listed: on a server, anyone who can write a flow could otherwise make it
   * call the server's own ports. The CLI, on the user's own machine, lists them all.
   */
  localEndpoints?: readonly LocalEndpointName[];
  /** Prices that win over the built-in table, keyed by full model id (`openai:gpt-4o`). */
  priceOverrides?: Record<string, ModelPrice>;
}

/** A compatible endpoint after defaults are applied. */
export interface ResolvedEndpoint extends CompatibleEndpoint {
  /** The endpoint refuses calls without a key (hosted services); local servers don't. */
  requiresKey: boolean;
  /** Display name (model picker, "missing key" message). */
  label: string;
  /** Environment variable named in the "missing key" message. */
  keyEnvVar?: string;
}

/** The built-in endpoints on localhost, which a host enables with `localEndpoints`. */
export const LOCAL_ENDPOINT_NAMES = ["ollama", "lmstudio", "vllm"] as const;
export type LocalEndpointName = (typeof LOCAL_ENDPOINT_NAMES)[number];

/** Built-in endpoints: hosted ones need a key, local ones (LOCAL_ENDPOINT_NAMES) need `localEndpoints`. */
export const BUILT_IN_ENDPOINTS: readonly ResolvedEndpoint[] = [
  { name: "ollama", label: "Ollama", baseURL: "http://localhost:11434/v1", requiresKey: false },
  { name: "lmstudio", label: "LM Studio", baseURL: "http://localhost:1234/v1", requiresKey: false },
  { name: "vllm", label: "vLLM", baseURL: "http://localhost:8000/v1", requiresKey: false },
  {
    name: "openrouter",
    label: "OpenRouter",
    baseURL: "https://openrouter.ai/api/v1",
    requiresKey: true,
    keyEnvVar: "OPENROUTER_API_KEY",
  },
];

/** Prefixes with their own SDK (or the simulator); a compatible endpoint cannot take them. */
export const NATIVE_PROVIDERS = ["openai", "anthropic", "google", "sim"] as const;

/**
 * Merges built-in and configured endpoints; configured entries replace built-ins by name. A local
 * built-in is left out unless `localEndpoints` lists it (an entry in `compatible` is configured, so in).
 */
export function resolveEndpoints(config: GatewayConfig): Map<string, ResolvedEndpoint> {
  const endpoints = new Map<string, ResolvedEndpoint>();
  const enabled = new Set<string>(config.localEndpoints ?? []);
  for (const endpoint of BUILT_IN_ENDPOINTS) {
    if (isLocalEndpoint(endpoint.name) && !enabled.has(endpoint.name)) continue;
    endpoints.set(endpoint.name, { ...endpoint });
  }
  const openrouter = endpoints.get("openrouter");
  if (openrouter && config.openrouterApiKey) openrouter.apiKey = config.openrouterApiKey;
  for (const entry of config.compatible ?? []) {
    if ((NATIVE_PROVIDERS as readonly string[]).includes(entry.name)) {
      throw new Error(
        `compatible endpoint name '${entry.name}' is reserved for a built-in provider`,
      );
    }
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(entry.name)) {
      throw new Error(
        `compatible endpoint name '${entry.name}' must be lowercase letters, digits, '-' or '_'`,
      );
    }
    const builtIn =
      endpoints.get(entry.name) ?? BUILT_IN_ENDPOINTS.find((e) => e.name === entry.name);
    endpoints.set(entry.name, {
      ...entry,
      apiKey: entry.apiKey ?? builtIn?.apiKey,
      requiresKey: builtIn?.requiresKey ?? false,
      label: builtIn?.label ?? entry.name,
      keyEnvVar: builtIn?.keyEnvVar,
    });
  }
  return endpoints;
}

/** Every key in the config, so error messages can be scrubbed of them. */
export function secretsOf(config: GatewayConfig): string[] {
  const keys = [
    config.openaiApiKey,
    config.anthropicApiKey,
    config.googleApiKey,
    config.openrouterApiKey,
  ];
  for (const entry of config.compatible ?? []) keys.push(entry.apiKey);
  return keys.filter((key): key is string => typeof key === "string" && key.length > 0);
}

export function isLocalEndpoint(name: string): name is LocalEndpointName {
  return (LOCAL_ENDPOINT_NAMES as readonly string[]).includes(name);
}
