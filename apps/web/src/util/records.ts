/** A plain JSON object (not an array or null), for narrowing `unknown` data without casts. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function recordOr(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
