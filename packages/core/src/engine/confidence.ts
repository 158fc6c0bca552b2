import { compileUserPattern, type UserPattern } from "../util/user-pattern";

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

// On RE2: on a backtracking engine its three `\s*` are cubic in a reply with "confidence" and spaces (21 s for 4,000).
let selfReport: UserPattern | undefined;

/** Reads "Confidence: 92%" / "confidence = 0.92" (the last one in the reply's tail) as a number in [0,1]. */
export function selfReportedConfidence(text: string): number | undefined {
  selfReport ??= compileUserPattern("confidence\\s*(?:level|score)?\\s*[:=]?\\s*(\\d+(?:\\.\\d+)?)\\s*(%?)", "i");
  // The report comes last (SELF_REPORT_INSTRUCTION): read the tail a pattern search may cover.
  const match = selfReport.lastMatch(text.slice(-selfReport.captureChars));
  if (!match) return undefined;
  const value = Number(match.groups[1]);
  if (!Number.isFinite(value)) return undefined;
  const found = match.groups[2] === "%" || value > 1 ? value / 100 : value;
  return Math.min(1, Math.max(0, found));
}

/** The instruction that makes a model report its confidence in the format we parse. */
export const SELF_REPORT_INSTRUCTION =
  "After your answer, state how confident you are that it is correct on its own line, as 'Confidence: N%'.";
