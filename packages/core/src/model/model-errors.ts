/** Why a model call failed, in the categories the engine's retry and fallback rules use. */
export type ModelErrorCode =
  | "rate_limited" // 429
  | "server_error" // 5xx
  | "network" // connection refused, reset, DNS
  | "timeout" // the node's timeoutMs elapsed
  | "auth" // 401/403 or a missing key
  | "bad_request" // 400/404/422: the request itself is wrong
  | "unavailable" // unknown model, or no credentials for its provider
  | "budget" // the run's USD budget would be exceeded
  | "cancelled" // the run was cancelled
  | "unknown";

const RETRYABLE: ReadonlySet<ModelErrorCode> = new Set(["rate_limited", "server_error", "network", "timeout"]);

/**
 * The one error type providers throw. Providers translate their SDK's errors into it so the
 * engine decides retries and fallbacks without knowing any SDK.
 */
export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly status: number | undefined;
  /** Server-requested wait (Retry-After), in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ModelErrorCode,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ModelError";
    this.code = code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  /** Categorises an HTTP status the way every provider does. */
  static fromStatus(status: number, message: string, retryAfterMs?: number): ModelError {
    const code: ModelErrorCode =
      status === 429
        ? "rate_limited"
        : status >= 500
          ? "server_error"
          : status === 401 || status === 403
            ? "auth"
            : status === 408
              ? "timeout"
              : "bad_request";
    return new ModelError(code, message, { status, retryAfterMs });
  }
}

/** Parses a Retry-After header (delta-seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
