import { describe, expect, it } from "vitest";
import type { ModelUsageReport } from "../../api/types";
import { bucketStarts, formatRate, providerOf, toModelRows } from "./model-rows";

type Usage = ModelUsageReport["models"][number];

const usage = (over: Partial<Usage>): Usage => ({
  model: "openai:gpt-4o-mini",
  calls: 5,
  failed: 1,
  errorRate: 0.2,
  retries: 5,
  p50LatencyMs: 250,
  p95LatencyMs: 1385,
  inputTokens: 12_345,
  outputTokens: 678,
  costUsd: 0.1,
  costPerCallUsd: 0.02,
  runs: 3,
  lastUsedAt: "2026-03-10T11:50:00.000Z",
  series: [],
  ...over,
});

const week = (models: Usage[]): ModelUsageReport => ({
  from: "2026-03-03T12:30:00.000Z",
  to: "2026-03-10T12:30:00.000Z",
  bucket: "day",
  models,
});

describe("toModelRows", () => {
  it("formats every cell and names the provider", () => {
    const { rows, totals } = toModelRows(week([usage({}), usage({ model: "sim:fast", calls: 1, failed: 0, errorRate: 0, retries: 0, costUsd: 0.0000087, runs: 1 })]));
    expect(rows[0]).toMatchObject({
      model: "openai:gpt-4o-mini",
      provider: "OpenAI",
      simulated: false,
      calls: "5",
      callsTitle: "5 calls in 3 runs",
      errorRate: "20%",
      errorTitle: "1 of 5 calls failed",
      errorRateHigh: true,
      retries: "5",
      p50: "250 ms",
      p95: "1.39 s",
      tokens: "12.3k / 678",
      tokensTitle: "12,345 input, 678 output tokens",
      cost: "$0.1000",
      costPerCall: "$0.0200",
    });
    expect(rows[1]).toMatchObject({ provider: "Simulated", simulated: true, errorRate: "0%", errorRateHigh: false, callsTitle: "1 call in 1 run" });
    expect(totals).toEqual({ models: 2, calls: 6, cost: "$0.1000" });
  });

  it("shows a dash for latency when no call completed", () => {
    const [row] = toModelRows(week([usage({ calls: 2, failed: 2, errorRate: 1, p50LatencyMs: null, p95LatencyMs: null })])).rows;
    expect(row).toMatchObject({ p50: "—", p95: "—", errorRate: "100%", errorRateHigh: true });
  });

  it("zero-fills the cost series over every day of the period", () => {
    const [row] = toModelRows(
      week([
        usage({
          series: [
            { at: "2026-03-04T00:00:00.000Z", costUsd: 0.5 },
            { at: "2026-03-10T00:00:00.000Z", costUsd: 0.25 },
          ],
        }),
      ]),
    ).rows;
    // 3 Mar (the period starts at 12:30 that day) through 10 Mar.
    expect(row!.series).toEqual([0, 0.5, 0, 0, 0, 0, 0, 0.25]);
    expect(row!.seriesLabel).toBe("Cost per day over 8 days, highest $0.5000 (4 Mar)");
  });

  it("buckets by hour for a day, and says when nothing was spent", () => {
    const report: ModelUsageReport = {
      from: "2026-03-09T12:30:00.000Z",
      to: "2026-03-10T12:30:00.000Z",
      bucket: "hour",
      models: [usage({ model: "sim:fast", costUsd: 0, series: [{ at: "2026-03-10T11:00:00.000Z", costUsd: 0 }] })],
    };
    const [row] = toModelRows(report).rows;
    expect(row!.series).toHaveLength(25);
    expect(row!.seriesLabel).toBe("Cost per hour: nothing spent");
  });
});

describe("helpers", () => {
  it("names providers by their prefix, and keeps unknown prefixes as they are", () => {
    expect(providerOf("anthropic:claude-haiku")).toBe("Anthropic");
    expect(providerOf("lab:llama-3")).toBe("lab");
    expect(providerOf("no-prefix")).toBe("—");
  });

  it("gives small error rates a decimal", () => {
    expect([0, 0.004, 0.05, 0.0512, 1 / 3, 1].map(formatRate)).toEqual(["0%", "0.4%", "5%", "5.1%", "33%", "100%"]);
  });

  it("lists the bucket starts that the period touches", () => {
    expect(bucketStarts("2026-03-09T23:10:00Z", "2026-03-10T01:00:00Z", "hour").map((t) => new Date(t).toISOString())).toEqual([
      "2026-03-09T23:00:00.000Z",
      "2026-03-10T00:00:00.000Z",
      "2026-03-10T01:00:00.000Z",
    ]);
  });
});
