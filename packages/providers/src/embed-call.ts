import { embedMany, type EmbeddingModel } from "ai";
import type { EmbedRequest, EmbedResult } from "@switchyard/core";
import { abortable } from "./abortable";
import { abortError, toModelError } from "./errors";

/** Embeds texts through the AI SDK's `embedMany`, with the same error and abort rules as chat calls. */
export async function embedCall(
  model: EmbeddingModel,
  request: EmbedRequest,
  secrets: readonly string[],
): Promise<EmbedResult> {
  if (request.signal.aborted) throw abortError(request.signal, request.model);
  if (request.texts.length === 0)
    return { vectors: [], usage: { input: 0, output: 0 }, simulated: false };
  try {
    const work = embedMany({
      model,
      values: request.texts,
      maxRetries: 0,
      abortSignal: request.signal,
    });
    const result = await abortable(work, request.signal, request.model);
    return {
      vectors: result.embeddings,
      usage: { input: result.usage.tokens, output: 0 },
      simulated: false,
    };
  } catch (error) {
    throw toModelError(error, { model: request.model, secrets, signal: request.signal });
  }
}
