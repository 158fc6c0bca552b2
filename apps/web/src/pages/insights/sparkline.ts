/** An SVG path pair for a sparkline: the line, and the area under it (closed along the bottom). */
export interface SparklinePaths {
  line: string;
  area: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Scales `values` (one per bucket, oldest first) into a `width` × `height` box, the highest value
 * `pad` below the top, zero on the bottom edge less `pad`. All zeros draw a flat line on the floor;
 * a single value draws a flat line across.
 */
export function sparklinePaths(values: readonly number[], width: number, height: number, pad = 2): SparklinePaths {
  if (values.length === 0) return { line: "", area: "" };
  const max = Math.max(...values);
  const floor = height - pad;
  const y = (v: number) => round(max > 0 ? floor - (v / max) * (height - 2 * pad) : floor);
  const points = values.length === 1 ? [0, width].map((x) => [x, y(values[0]!)] as const) : values.map((v, i) => [round((i / (values.length - 1)) * width), y(v)] as const);
  const line = points.map(([x, py], i) => `${i === 0 ? "M" : "L"}${x} ${py}`).join(" ");
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return { line, area: `${line} L${last[0]} ${floor} L${first[0]} ${floor} Z` };
}
