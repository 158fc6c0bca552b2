import type { ModelGateway } from "@switchyard/core";
import type { ProviderServices } from "@switchyard/api";
import { createModelGateway, modelCatalog, type GatewayConfig } from "@switchyard/providers";

/** Provider names a workspace may store a key for, and the gateway setting each fills. */
const KEY_FIELDS = { openai: "openaiApiKey", anthropic: "anthropicApiKey", google: "googleApiKey", openrouter: "openrouterApiKey" } as const;

/** A cheap model per provider for testing a key with one tiny real call. */
const PROBE_MODELS: Record<keyof typeof KEY_FIELDS, string> = {
  openai: "openai:gpt-4o-mini",
  anthropic: "anthropic:claude-3-5-haiku",
  google: "google:gemini-2.5-flash-lite",
  openrouter: "openrouter:openai/gpt-4o-mini",
};

/** The server's configuration with a workspace's stored keys layered on top. */
export function withWorkspaceKeys(base: GatewayConfig, keys: Record<string, string>): GatewayConfig {
  const config: GatewayConfig = { ...base };
  for (const [provider, field] of Object.entries(KEY_FIELDS)) {
    const key = keys[provider];
    if (key) config[field] = key;
  }
  return config;
}

export function providerServices(base: GatewayConfig): ProviderServices & { gatewayFor(keys: Record<string, string>): ModelGateway } {
  const baseGateway = createModelGateway(base);
  return {
    credentialProviders: Object.keys(KEY_FIELDS),
    catalog: (keys) => modelCatalog(withWorkspaceKeys(base, keys)),
    checkModel(model) {
      const info = baseGateway.describe(model);
      if (!info.unavailable || info.unavailableReason === "missing-key") return undefined;
      return { severity: "error", message: info.unavailable };
    },
    gatewayFor: (keys) => createModelGateway(withWorkspaceKeys(base, keys)),
    async testKey(provider, key) {
      if (!(provider in KEY_FIELDS)) return { ok: false, message: `Unknown provider '${provider}'.` };
      const name = provider as keyof typeof KEY_FIELDS;
      const config = withWorkspaceKeys(base, { [name]: key });
      const gateway = createModelGateway(config);
      try {
        await gateway.generate({ model: PROBE_MODELS[name], prompt: "Reply with OK.", maxTokens: 5, seed: "key-test", attempt: 1, signal: AbortSignal.timeout(15_000) });
      } catch (error) {
        return { ok: false, message: (error as Error).message };
      }
      const models = modelCatalog(config).find((g) => g.provider === provider)?.models.map((m) => m.id) ?? [];
      return { ok: true, models };
    },
  };
}
