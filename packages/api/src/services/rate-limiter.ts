/** What a limiter says about one more request. */
export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

/** Counts requests per key (a user, an API key, an email) and says when a key is over its limit. */
export interface RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /** Counts one request and decides it. A refused request is not counted, so waiting is enough. */
  take(key: string): RateDecision;
  /** Decides without counting (for limits that count only failures). */
  check(key: string): RateDecision;
}

/**
 * A sliding-window log: a key may make `limit` requests in any `windowMs`. Exact (no burst of
 * 2× at a fixed window's edge) and small, since a key keeps at most `limit` timestamps.
 *
 * In-process on purpose: each API process enforces its own count, so N processes allow up to N×
 * the limit. That bounds abuse well enough for a self-hosted app; a shared store (Postgres or
 * Redis) can implement the same interface when exact cluster-wide limits matter.
 */
export class SlidingWindowLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private calls = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) throw new Error("a rate limit needs limit ≥ 1 and a positive window");
  }

  take(key: string): RateDecision {
    const decision = this.check(key);
    if (decision.ok) {
      const times = this.hits.get(key) ?? [];
      times.push(this.now());
      this.hits.set(key, times);
    }
    if (++this.calls % 1000 === 0) this.sweep();
    return decision;
  }

  check(key: string): RateDecision {
    const now = this.now();
    const times = this.recent(key, now);
    if (times.length < this.limit) return { ok: true, remaining: this.limit - times.length - 1 };
    // The oldest request in the window leaves it first; then there is room again.
    return { ok: false, retryAfterMs: Math.max(1, times[0]! + this.windowMs - now) };
  }

  private recent(key: string, now: number): number[] {
    const times = this.hits.get(key);
    if (!times) return [];
    const start = now - this.windowMs;
    let drop = 0;
    while (drop < times.length && times[drop]! <= start) drop += 1;
    if (drop > 0) times.splice(0, drop);
    if (times.length === 0) this.hits.delete(key);
    return times;
  }

  /** Forgets keys with nothing in the window, so memory follows active keys, not all keys ever seen. */
  private sweep(): void {
    const now = this.now();
    for (const key of [...this.hits.keys()]) this.recent(key, now);
  }
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

export function defaultRateLimits(options: { runStartPerMinute?: number; restPerMinute?: number } = {}): RateLimits {
  return {
    runStart: new SlidingWindowLimiter(options.runStartPerMinute ?? DEFAULT_RATE_LIMITS.runStartPerMinute, 60_000),
    rest: new SlidingWindowLimiter(options.restPerMinute ?? DEFAULT_RATE_LIMITS.restPerMinute, 60_000),
  };
}
