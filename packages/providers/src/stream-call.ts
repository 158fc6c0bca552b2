import { streamText, type FinishReason, type LanguageModel, type ProviderMetadata } from "ai";
import {
  estimateTokens,
  ModelError,
  type ModelRequest,
  type ModelResult,
  type TokenUsage,
} from "@switchyard/core";
import { abortable } from "./abortable";
import { abortError, toModelError } from "./errors";

export type ProviderOptions = NonNullable<Parameters<typeof streamText>[0]["providerOptions"]>;

/** How one provider plugs into the shared streaming call. */
export interface StreamCallSpec {
  /** The model-id prefix, used to report `prefix:model-actually-used`. */
  prefix: string;
  model: LanguageModel;
  request: ModelRequest;
  secrets: readonly string[];
  providerOptions?: ProviderOptions;
  /** Pulls token logprobs out of the provider's response metadata. */
  readLogprobs?: (metadata: ProviderMetadata | undefined) => number[] | undefined;
}

/**
 * One model call through the AI SDK's `streamText`. streamText does not throw for HTTP or stream
 * failures: a 429 or a mid-stream error frame becomes an `error` part (also passed to `onError`,
 * which by default logs it) and the stream then ends normally, so reading only the text would
 * return an empty or truncated answer. We read `fullStream` and throw on the first error part, and
 * on a stream that ends without saying why it stopped (a broken 200 body is not an empty answer).
 */
export async function streamCall(spec: StreamCallSpec): Promise<ModelResult> {
  const { request } = spec;
  const context = { model: request.model, secrets: spec.secrets, signal: request.signal };
  if (request.signal.aborted) throw abortError(request.signal, request.model);
  try {
    const result = streamText({
      model: spec.model,
      system: request.system,
      prompt: request.prompt,
      temperature: request.temperature,
      maxOutputTokens: request.maxTokens,
      maxRetries: 0, // the engine owns retries; two retry loops would multiply attempts
      abortSignal: request.signal,
      providerOptions: spec.providerOptions,
      onError: () => undefined, // errors are read from fullStream below instead of logged
    });
    return await abortable(consume(result.fullStream, spec), request.signal, request.model);
  } catch (error) {
    throw toModelError(error, context);
  }
}

type FullStream = ReturnType<typeof streamText>["fullStream"];

async function consume(stream: FullStream, spec: StreamCallSpec): Promise<ModelResult> {
  const { request } = spec;
  let text = "";
  let usage: TokenUsage | undefined;
  let modelId: string | undefined;
  let metadata: ProviderMetadata | undefined;
  let finish: { reason: FinishReason; raw: string | undefined } | undefined;
  for await (const part of stream) {
    // Parts already buffered when the signal fired must not reach onDelta.
    if (request.signal.aborted) throw abortError(request.signal, request.model);
    switch (part.type) {
      case "text-delta":
        text += part.text;
        request.onDelta?.(part.text);
        break;
      case "finish-step":
        modelId = part.response.modelId;
        metadata = part.providerMetadata;
        break;
      case "finish":
        usage = toUsage(part.totalUsage.inputTokens, part.totalUsage.outputTokens);
        finish = { reason: part.finishReason, raw: part.rawFinishReason };
        break;
      case "error":
        throw part.error;
      case "abort":
        throw abortError(request.signal, request.model);
      default:
        break;
    }
  }
  const broken = brokenOff(finish, text);
  if (broken) throw new ModelError("server_error", `${request.model}: ${broken}`);
  const tokenLogprobs = request.logprobs ? spec.readLogprobs?.(metadata) : undefined;
  return {
    text,
    // Servers that don't report usage (some local ones) get an estimate rather than a free call.
    usage: usage ?? {
      input: estimateTokens((request.system ?? "") + request.prompt),
      output: estimateTokens(text),
    },
    model: modelId ? `${spec.prefix}:${modelId}` : request.model,
    simulated: false,
    ...(finish?.reason === "length" ? { truncated: true } : {}),
    ...(tokenLogprobs ? { tokenLogprobs } : {}),
  };
}

/**
 * Why a stream that raised no error still did not answer, if it did not. The SDK reports "other"
 * with no raw reason when the provider never said why it stopped: garbage, an empty body, or a
 * stream cut short. Those are the provider's failure (retryable), never an answer.
 */
function brokenOff(
  finish: { reason: FinishReason; raw: string | undefined } | undefined,
  text: string,
): string | undefined {
  if (
    finish === undefined ||
    finish.reason === "error" ||
    (finish.reason === "other" && finish.raw === undefined)
  ) {
    return text === ""
      ? "the response ended without an answer (stream broke off)"
      : `the response broke off after ${text.length} characters, without saying it was done`;
  }
  if (finish.reason === "other" && text === "")
    return `the response ended without an answer (finish reason '${finish.raw}')`;
  return undefined;
}

function toUsage(input: number | undefined, output: number | undefined): TokenUsage | undefined {
  return input === undefined && output === undefined
    ? undefined
    : { input: input ?? 0, output: output ?? 0 };
}

/** Reads `[{ logprob: number }, …]` (OpenAI's shape) into plain numbers; anything else is absent. */
export function logprobsFrom(value: unknown): number[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const numbers: number[] = [];
  for (const entry of value) {
    if (typeof entry !== "object" || entry === null) return undefined;
    const logprob = (entry as { logprob?: unknown }).logprob;
    if (typeof logprob !== "number") return undefined;
    numbers.push(logprob);
  }
  return numbers;
}
