import { describe, expect, it } from "vitest";
import { seededConfidence, simLogprobs } from "./logprobs";

// The engine's definition (core engine/confidence.ts): the floor(q·n)-th smallest probability.
function lowQuantile(logprobs: number[], quantile = 0.1): number {
  const sorted = logprobs.map(Math.exp).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? NaN;
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("simLogprobs", () => {
  it.each([1, 3, 7, 10, 19, 20, 40, 100, 333])(
    "puts the 10th percentile at the confidence for %i tokens",
    (count) => {
      const logprobs = simLogprobs(count, 0.42, "seed");
      expect(logprobs).toHaveLength(count);
      expect(lowQuantile(logprobs)).toBeCloseTo(0.42, 6);
    },
  );

  it("keeps the mean high while the low quantile is low", () => {
    const logprobs = simLogprobs(60, 0.4, "seed");
    expect(mean(logprobs.map(Math.exp))).toBeGreaterThan(0.75);
    expect(lowQuantile(logprobs)).toBeCloseTo(0.4, 6);
  });

  it("is deterministic per seed and differs between seeds", () => {
    expect(simLogprobs(30, 0.8, "a")).toEqual(simLogprobs(30, 0.8, "a"));
    expect(simLogprobs(30, 0.8, "a")).not.toEqual(simLogprobs(30, 0.8, "b"));
  });

  it("derives a default confidence in [0.5, 0.99] from the seed", () => {
    for (const seed of ["a", "b", "c", "d", "e"]) {
      const confidence = seededConfidence(seed);
      expect(confidence).toBeGreaterThanOrEqual(0.5);
      expect(confidence).toBeLessThanOrEqual(0.99);
      expect(seededConfidence(seed)).toBe(confidence);
    }
  });

  it("handles confidence 0 and 1 without infinities", () => {
    expect(simLogprobs(10, 0, "s").every(Number.isFinite)).toBe(true);
    expect(simLogprobs(10, 1, "s").every((lp) => lp === 0)).toBe(true);
  });
});
