import { formatMs, formatUsd } from "../util/format";

/** "+$0.0012" / "−44 ms" / "±0": B minus A with its sign, in the unit's own format. */
export function formatDelta(delta: number, format: (n: number) => string): string {
  if (delta === 0 || Math.abs(delta) < 1e-12) return "±0";
  return `${delta > 0 ? "+" : "−"}${format(Math.abs(delta))}`;
}

/** For costs, latencies and tokens more is worse: the class colours a delta by that. */
export function deltaTone(delta: number): "up" | "down" | "same" {
  if (Math.abs(delta) < 1e-12) return "same";
  return delta > 0 ? "up" : "down";
}

export const formatCostDelta = (delta: number) => formatDelta(delta, formatUsd);
export const formatMsDelta = (delta: number) => formatDelta(delta, formatMs);
export const formatCountDelta = (delta: number) =>
  formatDelta(delta, (n) => n.toLocaleString("en-US"));

/** A cuid is long; its tail is what tells runs apart in a list. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(-8) : id;
}

/** "26 Nov 2026, 09:16:01", in the viewer's time zone. */
export function formatTimestamp(when: string | Date): string {
  const date = typeof when === "string" ? new Date(when) : when;
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

/** "just now", "4 min ago", "3 h ago", then a date. */
export function formatAgo(when: string | Date, now: number = Date.now()): string {
  const date = typeof when === "string" ? new Date(when) : when;
  const ms = now - date.getTime();
  if (Number.isNaN(ms)) return "";
  if (ms < 45_000) return "just now";
  if (ms < 3_600_000) return `${Math.max(1, Math.round(ms / 60_000))} min ago`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h ago`;
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

/** An offset on a run's clock: "+1.38 s". */
export function formatOffset(ms: number): string {
  return `+${formatMs(ms)}`;
}

/** Exact times for a tooltip: "+205 ms → +206 ms (1 ms)". */
export function formatRange(startMs: number, endMs: number): string {
  return `${formatOffset(startMs)} → ${formatOffset(endMs)} (${formatMs(endMs - startMs)})`;
}
