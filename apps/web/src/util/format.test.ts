import { describe, expect, it } from "vitest";
import { formatMs, formatPricePerMTok, formatUsd } from "./format";

describe("format", () => {
  it("keeps tiny costs visible", () => {
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(0.0000087)).toBe("$0.0000087");
    expect(formatUsd(0.0123)).toBe("$0.0123");
    expect(formatUsd(3.5)).toBe("$3.50");
  });
  it("formats durations and prices", () => {
    expect(formatMs(339)).toBe("339 ms");
    expect(formatMs(1384)).toBe("1.38 s");
    expect(formatPricePerMTok(0.15, 0.6)).toBe("$0.15 / $0.60 per MTok");
    expect(formatPricePerMTok(3, 15)).toBe("$3 / $15 per MTok");
  });
});
