import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, retryDelay, retryPolicySchema } from "./retry";

const noJitter = { ...DEFAULT_RETRY, baseDelayMs: 100, factor: 2, maxDelayMs: 1000, jitter: 0 };
const fixed = (value: number) => () => value;

describe("retryDelay", () => {
  it("grows exponentially from the base and caps at maxDelayMs", () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelay(noJitter, attempt, fixed(0.9)))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it("jitters by ± the jitter fraction", () => {
    const policy = { ...noJitter, jitter: 0.2 };
    expect(retryDelay(policy, 1, fixed(0))).toBe(80);
    expect(retryDelay(policy, 1, fixed(0.5))).toBe(100);
    expect(retryDelay(policy, 1, fixed(0.999999))).toBe(120);
  });

  it("waits at least Retry-After, capped at five minutes", () => {
    expect(retryDelay(noJitter, 1, fixed(0.5), 2500)).toBe(2500);
    expect(retryDelay(noJitter, 1, fixed(0.5), 50)).toBe(100);
    expect(retryDelay(noJitter, 1, fixed(0.5), 3_600_000)).toBe(300_000);
  });

  it("has documented defaults", () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 3, baseDelayMs: 500, factor: 2, maxDelayMs: 10_000, jitter: 0.2 });
    expect(retryPolicySchema.safeParse({ maxAttempts: 0 }).success).toBe(false);
    expect(retryPolicySchema.safeParse({ jitter: 2 }).success).toBe(false);
  });
});
