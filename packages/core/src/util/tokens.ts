/**
 * A provider-independent token estimate (about four characters per token for English). Used for
 * budget checks before a call and by the simulated provider; real calls report exact usage.
 */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}
