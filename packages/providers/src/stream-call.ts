import type { LanguageModelV3, LanguageModelV3FinishReason, LanguageModelV3Prompt, SharedV3ProviderMetadata, SharedV3ProviderOptions } from "@ai-sdk/provider";
import {
  estimateTokens,
  ModelError,
  type ModelRequest,
  type ModelResult,
  type TokenUsage,
} from "@switchyard/core";
import { abortable } from "./abortable";
import { abortError, toModelError } from "./errors";

export type ProviderOptions = SharedV3ProviderOptions;
type FinishReason = LanguageModelV3FinishReason["unified"];

/** How one provider plugs into the shared streaming call. */
export interface StreamCallSpec {
  /** The model-id prefix, used to report `prefix:model-actually-used`. */
  prefix: string;
  model: LanguageModelV3;
  request: ModelRequest;
  secrets: readonly string[];
  providerOptions?: ProviderOptions | undefined;
  /** Pulls token logprobs out of the provider's response metadata. */
  readLogprobs?: (metadata: SharedV3ProviderMetadata | undefined) => number[] | undefined;
}

/**
 * One model call, straight on the AI SDK provider's `doStream`: the provider does the protocol
 * (request, SSE, chunk validation, errors as APICallError) and we read its parts. `streamText`
 * on top adds steps, tools, telemetry and a dozen web streams per call that a one-shot completion
 * never uses — they were most of a call's CPU. A mid-stream failure arrives as an `error` part
 * (thrown here), and a stream that ends without saying why it stopped is a broken 200 body, never
 * an empty answer.
 */
export async function streamCall(spec: StreamCallSpec): Promise<ModelResult> {
  const { request } = spec;
  const context = { model: request.model, secrets: spec.secrets, signal: request.signal };
  if (request.signal.aborted) throw abortError(request.signal, request.model);
  try {
    const prompt: LanguageModelV3Prompt = [
      ...(request.system !== undefined ? [{ role: "system" as const, content: request.system }] : []),
      { role: "user", content: [{ type: "text", text: request.prompt }] },
    ];
    // The engine owns retries: nothing here retries.
    const { stream } = await spec.model.doStream({
      prompt,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { maxOutputTokens: request.maxTokens } : {}),
      ...(spec.providerOptions ? { providerOptions: spec.providerOptions } : {}),
      abortSignal: request.signal,
    });
    return await abortable(consume(stream, spec), request.signal, request.model);
  } catch (error) {
    throw toModelError(error, context);
  }
}

type PartStream = Awaited<ReturnType<LanguageModelV3["doStream"]>>["stream"];

async function consume(stream: PartStream, spec: StreamCallSpec): Promise<ModelResult> {
  const { request } = spec;
  let text = "";
  let usage: TokenUsage | undefined;
  let modelId: string | undefined;
  let metadata: SharedV3ProviderMetadata | undefined;
  let finish: { reason: FinishReason; raw: string | undefined } | undefined;
  for await (const part of stream) {
    // Parts already buffered when the signal fired must not reach onDelta.
    if (request.signal.aborted) throw abortError(request.signal, request.model);
    switch (part.type) {
      case "text-delta":
        // Some providers open a text block with an empty delta: nothing to pass on.
        if (part.delta === "") break;
        text += part.delta;
        request.onDelta?.(part.delta);
        break;
      case "response-metadata":
        modelId = part.modelId ?? modelId;
        break;
      case "finish":
        usage = toUsage(part.usage.inputTokens.total, part.usage.outputTokens.total);
        finish = { reason: part.finishReason.unified, raw: part.finishReason.raw };
        metadata = part.providerMetadata;
        break;
      case "error":
        throw part.error;
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
