import { z } from "zod";

export const retryPolicySchema = z
  .object({
    maxAttempts: z.number().int().min(1).max(20).default(3),
    baseDelayMs: z.number().int().min(0).max(600_000).default(500),
    factor: z.number().min(1).max(10).default(2),
    maxDelayMs: z.number().int().min(0).max(600_000).default(10_000),
    /** Fraction of each delay randomised (±), so clients that failed together don't retry together. */
    jitter: z.number().min(0).max(1).default(0.2),
  })
  .strict();

export type RetryPolicy = z.output<typeof retryPolicySchema>;

export const DEFAULT_RETRY: RetryPolicy = retryPolicySchema.parse({});

/** Upper bound on a server-requested wait, so one Retry-After can't stall a run for hours. */
const MAX_RETRY_AFTER_MS = 300_000;

/**
 * Delay before the attempt after `failedAttempt` (1-based): exponential, capped, jittered with the
 * run's seeded random so runs stay reproducible; never shorter than the server's Retry-After.
 */
export function retryDelay(
  policy: RetryPolicy,
  failedAttempt: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** (failedAttempt - 1));
  const jittered = exponential * (1 + policy.jitter * (2 * random() - 1));
  const delay = Math.max(0, Math.round(jittered));
  return retryAfterMs === undefined ? delay : Math.max(delay, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}
