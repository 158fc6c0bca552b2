/**
 * Confidence from token logprobs: a low quantile of the token probabilities. The mean hides the
 * one token the model was unsure of ("Canberra" at 0.4 among 30 near-certain tokens), a low
 * quantile does not.
 */
export function logprobConfidence(logprobs: readonly number[], quantile = 0.1): number | undefined {
  if (logprobs.length === 0) return undefined;
  const probabilities = logprobs.map((lp) => Math.exp(lp)).sort((a, b) => a - b);
  const index = Math.min(probabilities.length - 1, Math.floor(quantile * probabilities.length));
  return probabilities[index];
}

const SELF_REPORT = /confidence\s*(?:level|score)?\s*[:=]?\s*(\d+(?:\.\d+)?)\s*(%?)/gi;

/** Reads "Confidence: 92%" / "confidence = 0.92" (the last one in the text) as a number in [0,1]. */
export function selfReportedConfidence(text: string): number | undefined {
  let found: number | undefined;
  for (const match of text.matchAll(SELF_REPORT)) {
    const value = Number(match[1]);
    if (!Number.isFinite(value)) continue;
    found = match[2] === "%" || value > 1 ? value / 100 : value;
  }
  return found === undefined ? undefined : Math.min(1, Math.max(0, found));
}

/** The instruction that makes a model report its confidence in the format we parse. */
export const SELF_REPORT_INSTRUCTION =
  "After your answer, state how confident you are that it is correct on its own line, as 'Confidence: N%'.";
