import {
  ModelError,
  type EmbedRequest,
  type ModelGateway,
  type ModelInfo,
  type ModelRequest,
  type SimOptions,
} from "@switchyard/core";
import { anthropicBackend } from "./anthropic";
import type { ProviderBackend } from "./backend";
import {
  BUILT_IN_ENDPOINTS,
  isLocalEndpoint,
  resolveEndpoints,
  secretsOf,
  type GatewayConfig,
  type ResolvedEndpoint,
} from "./config";
import { toModelError } from "./errors";
import { googleBackend } from "./google";
import { parseModelId, type ModelId } from "./model-id";
import { openaiBackend } from "./openai";
import { compatibleBackend } from "./openai-compatible";
import { simBackend } from "./sim/sim-backend";

/** The gateway's view of its configuration, shared with the model catalog. */
export interface GatewayParts {
  /** Every configured key, scrubbed from error messages. */
  secrets: readonly string[];
  backends: ReadonlyMap<string, ProviderBackend>;
  endpoints: ReadonlyMap<string, ResolvedEndpoint>;
}

/** Builds one backend per model-id prefix. Throws on a malformed config (a reserved endpoint name). */
export function gatewayParts(config: GatewayConfig): GatewayParts {
  const secrets = secretsOf(config);
  const endpoints = resolveEndpoints(config);
  const backends = new Map<string, ProviderBackend>([
    ["openai", openaiBackend(config, secrets)],
    ["anthropic", anthropicBackend(config, secrets)],
    ["google", googleBackend(config, secrets)],
    ["sim", simBackend(config.priceOverrides)],
  ]);
  for (const endpoint of endpoints.values())
    backends.set(endpoint.name, compatibleBackend(endpoint, config, secrets));
  return { secrets, backends, endpoints };
}

/**
 * The `ModelGateway` the engine calls: dispatches on the `provider:` prefix of the model id and
 * guarantees every failure is a `ModelError` whose message contains no configured key.
 */
export function createModelGateway(config: GatewayConfig = {}): ModelGateway {
  const { secrets, backends } = gatewayParts(config);
  const known = [...backends.keys()].join(", ");

  const route = (model: string): { id: ModelId; backend: ProviderBackend } | string => {
    const id = parseModelId(model);
    if (!id)
      return `model id '${model}' has no provider prefix; write provider:model, e.g. openai:gpt-4o-mini or sim:fast`;
    const backend = backends.get(id.provider);
    if (!backend && isLocalEndpoint(id.provider)) return localEndpointOff(model, id.provider);
    if (!backend) return `unknown model provider '${id.provider}' in '${model}'; known: ${known}`;
    return { id, backend };
  };
  const routeOrThrow = (model: string) => {
    const routed = route(model);
    if (typeof routed === "string") throw new ModelError("bad_request", routed);
    return routed;
  };

  return {
    describe(model: string, sim?: SimOptions): ModelInfo {
      const routed = route(model);
      if (typeof routed === "string") {
        return { simulated: false, unavailable: routed, unavailableReason: "unknown-model" };
      }
      return routed.backend.describe(routed.id, model, sim);
    },
    async generate(request: ModelRequest) {
      try {
        const { id, backend } = routeOrThrow(request.model);
        return await backend.generate(id, request);
      } catch (error) {
        throw toModelError(error, { model: request.model, secrets, signal: request.signal });
      }
    },
    async embed(request: EmbedRequest) {
      try {
        const { id, backend } = routeOrThrow(request.model);
        return await backend.embed(id, request);
      } catch (error) {
        throw toModelError(error, { model: request.model, secrets, signal: request.signal });
      }
    },
  };
}

/** Why a model id on a local built-in that this host has not enabled cannot be called, and how to enable it. */
function localEndpointOff(model: string, name: string): string {
  const label = BUILT_IN_ENDPOINTS.find((e) => e.name === name)?.label ?? name;
  return `${model}: the built-in ${label} endpoint (on the server's own machine) is off; the server's operator can enable it with SWITCHYARD_LOCAL_MODELS=${name}`;
}
