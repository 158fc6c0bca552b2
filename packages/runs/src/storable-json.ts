import { storableText } from "@switchyard/core";

// JSON.stringify escapes U+0000 and unpaired surrogates (and only them, among what Postgres
// refuses) as \u0000 and \udXXX: a cheap test of the serialized text finds every candidate.
const SUSPECT = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

/**
 * `value` as JSON Postgres will accept. The engine repairs model text where it enters, so this
 * is the last line of defence: should anything unstorable still reach a write, the write does
 * not fail (and fail again on every retry) — the characters become U+FFFD.
 */
export function storableJson(value: unknown): string {
  const json = JSON.stringify(value);
  return SUSPECT.test(json) ? JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? storableText(v).text : v)) : json;
}
