import { APICallError, RetryError } from "ai";
import { ModelError, parseRetryAfter, type ModelErrorCode } from "@switchyard/core";

/** What error translation needs to know about the call that failed. */
export interface ErrorContext {
  /** Full model id, named in every message. */
  model: string;
  /** Keys that must never appear in a message (servers do echo them back). */
  secrets: readonly string[];
  signal?: AbortSignal;
}

/** Replaces every configured key in `text`; short strings are skipped so we don't mangle prose. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 6) result = result.split(secret).join("[redacted]");
  }
  return result;
}

/** The error a call rejects with once its signal fired; an engine-chosen ModelError reason wins. */
export function abortError(signal: AbortSignal, model: string): ModelError {
  if (signal.reason instanceof ModelError) return signal.reason;
  return new ModelError("cancelled", `${model}: call cancelled`);
}

// Error-frame types of OpenAI and Anthropic streams, mapped to our codes.
const FRAME_CODES: Record<string, ModelErrorCode> = {
  rate_limit_error: "rate_limited",
  rate_limit_exceeded: "rate_limited",
  overloaded_error: "server_error",
  api_error: "server_error",
  server_error: "server_error",
  authentication_error: "auth",
  permission_error: "auth",
  invalid_api_key: "auth",
  invalid_request_error: "bad_request",
  not_found_error: "bad_request",
};

const BAD_REQUEST_NAMES = new Set([
  "AI_InvalidArgumentError",
  "AI_InvalidPromptError",
  "AI_UnsupportedFunctionalityError",
  "AI_NoSuchModelError",
  "AI_TooManyEmbeddingValuesForCallError",
]);
// A response we could not parse is the server's fault and usually transient.
const BAD_RESPONSE_NAMES = new Set([
  "AI_InvalidResponseDataError",
  "AI_JSONParseError",
  "AI_TypeValidationError",
  "AI_EmptyResponseBodyError",
  "AI_NoOutputGeneratedError",
]);
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
  "UND_ERR_SOCKET",
]);

/** Translates anything an AI SDK call throws (or puts in its stream) into a ModelError. */
export function toModelError(error: unknown, context: ErrorContext): ModelError {
  if (error instanceof ModelError) return error;
  if (context.signal?.aborted) return abortError(context.signal, context.model);
  if (RetryError.isInstance(error)) return toModelError(error.lastError, context);
  const say = (detail: string) => `${context.model}: ${redact(detail, context.secrets)}`;

  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) return unreachable(context, error);
    // A 2xx whose body broke off ("Failed to process successful response"): the server's fault, transient.
    if (status >= 200 && status < 300) {
      return new ModelError("server_error", say("the response broke off mid-stream"));
    }
    return ModelError.fromStatus(
      status,
      say(`HTTP ${status}: ${error.message}`),
      retryAfterOf(error.responseHeaders),
    );
  }
  if (isAbortError(error)) return new ModelError("cancelled", say("call aborted"));
  if (error instanceof Error) {
    if (BAD_REQUEST_NAMES.has(error.name)) return new ModelError("bad_request", say(error.message));
    if (BAD_RESPONSE_NAMES.has(error.name))
      return new ModelError("server_error", say(`bad response: ${error.message}`));
    if (isNetworkError(error)) return unreachable(context, error);
    if (error.name === "AI_LoadAPIKeyError") return new ModelError("auth", say("missing API key"));
    return new ModelError("unknown", say(error.message));
  }
  return fromErrorFrame(error, say);
}

/**
 * A connection that failed (refused, reset, DNS, timeout). One message for all, with no host,
 * port or errno: users must not learn the network around the server from it. The cause keeps them.
 */
function unreachable(context: ErrorContext, cause: unknown): ModelError {
  return new ModelError("network", `${context.model}: the provider could not be reached`, {
    cause,
  });
}

/** Reads `Retry-After` (seconds or date) or OpenAI's `retry-after-ms`. */
function retryAfterOf(headers: Record<string, string> | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers["retry-after-ms"]);
  if (headers["retry-after-ms"] !== undefined && Number.isFinite(ms)) return Math.max(0, ms);
  return parseRetryAfter(headers["retry-after"]);
}

/** Streams report mid-response failures as plain `{type|code, message}` frames, not Errors. */
function fromErrorFrame(frame: unknown, say: (detail: string) => string): ModelError {
  if (typeof frame === "object" && frame !== null) {
    const fields = frame as Record<string, unknown>;
    const kind = [fields.type, fields.code].find(
      (value): value is string => typeof value === "string",
    );
    const message = typeof fields.message === "string" ? fields.message : JSON.stringify(frame);
    return new ModelError(
      (kind === undefined ? undefined : FRAME_CODES[kind]) ?? "unknown",
      say(message),
    );
  }
  return new ModelError("unknown", say(String(frame)));
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

/** Node's fetch fails with `TypeError: fetch failed` whose cause carries the socket error code. */
function isNetworkError(error: Error): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return true;
    if (current.message === "fetch failed") return true;
    current = current.cause;
  }
  return false;
}
