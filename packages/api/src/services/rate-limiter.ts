import type { PgRateLimitStore } from "./pg-rate-limiter";

/** What a limiter says about one more request. */
export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

/**
 * Counts requests per key (a user, an API key, an email) and says when a key is over its limit:
 * a key may make `limit` requests in any `windowMs`. The app's limiters live in Postgres
 * (PgRateLimitStore), so every process shares one budget.
 */
export interface RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /** Counts one request and decides it. A refused request is not counted, so waiting is enough. */
  take(key: string): Promise<RateDecision>;
  /** Decides without counting. */
  check(key: string): Promise<RateDecision>;
  /**
   * Gives back the newest counted request. For limits that count only failures: take a slot
   * before the attempt (so parallel attempts can't all slip past a check), give it back when the
   * attempt turns out not to have failed.
   */
  refund(key: string): Promise<void>;
}

/** "12 seconds", "1 minute": when to try again, in words. */
export function retryAfterText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** The per-principal limits the API enforces; tests pass tiny ones. */
export interface RateLimits {
  /** Runs started through tRPC, per user. */
  runStart: RateLimiter;
  /** Requests to the REST endpoint (/api/v1), per API key (or per signed-in user). */
  rest: RateLimiter;
}

export const DEFAULT_RATE_LIMITS = { runStartPerMinute: 30, restPerMinute: 60 } as const;

/** The API's limits on `store`, so every process sharing its database shares them. */
export function defaultRateLimits(store: PgRateLimitStore, options: { runStartPerMinute?: number; restPerMinute?: number } = {}): RateLimits {
  return {
    runStart: store.limiter("run-start", options.runStartPerMinute ?? DEFAULT_RATE_LIMITS.runStartPerMinute, 60_000),
    rest: store.limiter("rest", options.restPerMinute ?? DEFAULT_RATE_LIMITS.restPerMinute, 60_000),
  };
}
