import type { ModelUsageReport } from "../../api/types";
import { compact, formatMs, formatUsd } from "../../util/format";

/** One table row, ready to render: every cell a string, the sparkline's values zero-filled. */
export interface ModelRow {
  model: string;
  provider: string;
  simulated: boolean;
  calls: string;
  /** "3 runs" — beside the call count, on hover. */
  callsTitle: string;
  errorRate: string;
  errorTitle: string;
  /** More than ERROR_RATE_ALERT of the calls failed. */
  errorRateHigh: boolean;
  retries: string;
  p50: string;
  p95: string;
  tokens: string;
  tokensTitle: string;
  cost: string;
  costPerCall: string;
  /** Cost per bucket over the whole period, oldest first, zeros where nothing ran. */
  series: number[];
  /** What the sparkline shows, in words. */
  seriesLabel: string;
  lastUsedAt: string;
}

export interface ModelTotals {
  models: number;
  calls: number;
  cost: string;
}

/** Error rates above this are highlighted. */
export const ERROR_RATE_ALERT = 0.05;

const BUCKET_MS = { hour: 60 * 60 * 1000, day: 24 * 60 * 60 * 1000 } as const;

const PROVIDERS: Record<string, string> = {
  sim: "Simulated",
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  openrouter: "OpenRouter",
};

/** The provider part of `provider:model`, by its product name where we know it. */
export function providerOf(model: string): string {
  const colon = model.indexOf(":");
  const prefix = colon > 0 ? model.slice(0, colon) : "";
  return PROVIDERS[prefix] ?? (prefix || "—");
}

/** "0%", "4.2%", "5%", "33%": a decimal only where it tells small rates apart. */
export function formatRate(rate: number): string {
  const pct = rate * 100;
  if (pct === 0 || pct >= 10) return `${Math.round(pct)}%`;
  return `${Number(pct.toFixed(1))}%`;
}

/** Every bucket start from the one holding `from` to the one holding `to` (UTC), in ms. */
export function bucketStarts(from: string, to: string, bucket: "hour" | "day"): number[] {
  const step = BUCKET_MS[bucket];
  const first = Math.floor(Date.parse(from) / step) * step;
  const last = Math.floor(Date.parse(to) / step) * step;
  const starts: number[] = [];
  for (let at = first; at <= last; at += step) starts.push(at);
  return starts;
}

function seriesLabel(values: readonly number[], starts: readonly number[], bucket: "hour" | "day"): string {
  const per = bucket === "hour" ? "hour" : "day";
  const peak = values.reduce((best, v, i) => (v > values[best]! ? i : best), 0);
  if (!(values[peak]! > 0)) return `Cost per ${per}: nothing spent`;
  const when = new Date(starts[peak]!);
  const at =
    bucket === "hour"
      ? when.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC"
      : when.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  return `Cost per ${per} over ${values.length} ${per}s, highest ${formatUsd(values[peak]!)} (${at})`;
}

/** The API's rows in the table's terms, and the period's totals. */
export function toModelRows(report: ModelUsageReport): { rows: ModelRow[]; totals: ModelTotals } {
  const starts = bucketStarts(report.from, report.to, report.bucket);
  const index = new Map(starts.map((at, i) => [at, i]));
  const rows = report.models.map((m): ModelRow => {
    const series = starts.map(() => 0);
    for (const point of m.series) {
      const i = index.get(Date.parse(point.at));
      if (i !== undefined) series[i]! += point.costUsd;
    }
    return {
      model: m.model,
      provider: providerOf(m.model),
      simulated: m.model.startsWith("sim:"),
      calls: m.calls.toLocaleString("en-US"),
      callsTitle: `${m.calls.toLocaleString("en-US")} ${m.calls === 1 ? "call" : "calls"} in ${m.runs.toLocaleString("en-US")} ${m.runs === 1 ? "run" : "runs"}`,
      errorRate: formatRate(m.errorRate),
      errorTitle: `${m.failed.toLocaleString("en-US")} of ${m.calls.toLocaleString("en-US")} calls failed`,
      errorRateHigh: m.errorRate > ERROR_RATE_ALERT,
      retries: m.retries.toLocaleString("en-US"),
      p50: m.p50LatencyMs === null ? "—" : formatMs(m.p50LatencyMs),
      p95: m.p95LatencyMs === null ? "—" : formatMs(m.p95LatencyMs),
      tokens: `${compact(m.inputTokens)} / ${compact(m.outputTokens)}`,
      tokensTitle: `${m.inputTokens.toLocaleString("en-US")} input, ${m.outputTokens.toLocaleString("en-US")} output tokens`,
      cost: formatUsd(m.costUsd),
      costPerCall: formatUsd(m.costPerCallUsd),
      series,
      seriesLabel: seriesLabel(series, starts, report.bucket),
      lastUsedAt: m.lastUsedAt,
    };
  });
  const calls = report.models.reduce((sum, m) => sum + m.calls, 0);
  const cost = report.models.reduce((sum, m) => sum + m.costUsd, 0);
  return { rows, totals: { models: rows.length, calls, cost: formatUsd(cost) } };
}
