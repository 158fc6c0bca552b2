import {
  estimateTokens,
  ModelError,
  type ModelPrice,
  type ModelRequest,
  type ModelResult,
} from "@switchyard/core";
import type { ProviderBackend } from "../backend";
import { abortError } from "../errors";
import type { ModelId } from "../model-id";
import { splitIntoChunks } from "./chunks";
import { simEmbedding } from "./embedding";
import { simulatedFailure } from "./failures";
import { seededConfidence, simLogprobs } from "./logprobs";
import { paceChunks } from "./pacing";
import { SIM_PRESETS, simPrice, unknownSimMessage, type SimPreset } from "./presets";
import { simReply } from "./reply";

/** The offline, free, deterministic `sim:*` provider (DESIGN.md, "Simulated provider"). */
export function simBackend(
  priceOverrides: Record<string, ModelPrice> | undefined,
): ProviderBackend {
  return {
    describe: (id, model, sim) => {
      const preset = SIM_PRESETS.get(id.name);
      if (!preset) {
        return {
          simulated: true,
          unavailable: unknownSimMessage(model),
          unavailableReason: "unknown-model",
        };
      }
      return { price: simPrice(model, preset, sim, priceOverrides), simulated: true };
    },

    async generate(id, request) {
      const preset = presetFor(id, request.model, "chat");
      if (request.signal.aborted) throw abortError(request.signal, request.model);
      const failure = simulatedFailure(request, request.sim);
      if (failure) return failure;
      return generateReply(
        preset,
        request,
        simPrice(request.model, preset, request.sim, priceOverrides),
      );
    },

    async embed(id, request) {
      presetFor(id, request.model, "embedding");
      if (request.signal.aborted) throw abortError(request.signal, request.model);
      const input = request.texts.reduce((sum, text) => sum + estimateTokens(text), 0);
      return {
        vectors: request.texts.map(simEmbedding),
        usage: { input, output: 0 },
        simulated: true,
      };
    },
  };
}

async function generateReply(
  preset: SimPreset,
  request: ModelRequest,
  price: ModelPrice,
): Promise<ModelResult> {
  const { sim } = request;
  const full = splitIntoChunks(simReply(request.model, request.prompt, request.seed, sim));
  // Like a real provider, the simulator stops at maxTokens (one chunk is one token).
  const truncated = request.maxTokens !== undefined && full.length > request.maxTokens;
  const chunks = truncated ? full.slice(0, request.maxTokens) : full;
  const text = truncated ? chunks.join("") : full.join("");
  const pace = {
    latencyMs: sim?.latencyMs ?? preset.latencyMs,
    tokensPerSecond: sim?.tokensPerSecond ?? preset.tokensPerSecond,
  };
  await paceChunks(chunks, pace, request.signal, request.model, request.onDelta);
  const usage = {
    input: estimateTokens((request.system ?? "") + request.prompt),
    output: chunks.length,
  };
  const confidence = sim?.confidence ?? seededConfidence(request.seed);
  return {
    text,
    usage,
    model: request.model,
    simulated: true,
    costUsd: (usage.input * price.inputPerMTok + usage.output * price.outputPerMTok) / 1_000_000,
    ...(truncated ? { truncated } : {}),
    ...(request.logprobs
      ? { tokenLogprobs: simLogprobs(chunks.length, confidence, request.seed) }
      : {}),
  };
}

/** The preset behind a sim model id, or the bad_request a wrong id or wrong kind of call deserves. */
function presetFor(id: ModelId, model: string, kind: SimPreset["kind"]): SimPreset {
  const preset = SIM_PRESETS.get(id.name);
  if (!preset) throw new ModelError("bad_request", unknownSimMessage(model));
  if (preset.kind !== kind) {
    const hint =
      kind === "embedding"
        ? "use sim:embed for embeddings"
        : "sim:embed only embeds; use sim:fast or sim:strong";
    throw new ModelError(
      "bad_request",
      `${model} is not a ${kind === "chat" ? "chat" : "embedding"} model; ${hint}`,
    );
  }
  return preset;
}
