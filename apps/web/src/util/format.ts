/** Costs are tiny with cheap models; show enough digits that $0.000009 doesn't read as $0.00. */
export function formatUsd(usd: number): string {
  if (usd === 0) return "$0";
  if (usd < 0.0001) return `$${usd.toPrecision(2)}`;
  if (usd < 1) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} m ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatTokens(tokens: { input: number; output: number }): string {
  return `${compact(tokens.input)} in · ${compact(tokens.output)} out`;
}

export function compact(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(n >= 100_000 ? 0 : 1)}k` : String(n);
}

export function formatPricePerMTok(input?: number, output?: number): string {
  if (input === undefined && output === undefined) return "";
  const fmt = (n: number | undefined) => (n === undefined ? "–" : `$${n < 1 ? n.toFixed(2) : n.toFixed(n % 1 ? 2 : 0)}`);
  return `${fmt(input)} / ${fmt(output)} per MTok`;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
