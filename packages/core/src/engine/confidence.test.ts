import { describe, expect, it } from "vitest";
import { logprobConfidence, selfReportedConfidence } from "./confidence";

describe("selfReportedConfidence", () => {
  it.each([
    ["Canberra.\nConfidence: 92%", 0.92],
    ["confidence = 0.35", 0.35],
    ["Confidence level: 85", 0.85],
    ["Confidence score 1", 1],
    ["Confidence: 150%", 1],
    ["Confidence: 10%. Actually, confidence: 70%", 0.7],
    ["Canberra", undefined],
    ["", undefined],
  ])("%j → %s", (text, expected) => {
    expect(selfReportedConfidence(text)).toBe(expected);
  });
});

describe("logprobConfidence", () => {
  it("takes a low quantile, so one unsure token shows", () => {
    const logprobs = [...Array.from({ length: 29 }, () => Math.log(0.99)), Math.log(0.4)];
    expect(logprobConfidence(logprobs)).toBeCloseTo(0.99, 12);
    expect(logprobConfidence(logprobs, 0)).toBeCloseTo(0.4, 12);
    expect(logprobConfidence([Math.log(0.5), Math.log(0.9)], 0.5)).toBeCloseTo(0.9, 12);
  });

  it("is undefined without logprobs", () => {
    expect(logprobConfidence([])).toBeUndefined();
  });
});
