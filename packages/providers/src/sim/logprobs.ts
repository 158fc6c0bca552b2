import { seededRandom } from "@switchyard/core";

/**
 * Token logprobs whose 10th-percentile probability is `confidence` while most tokens are near
 * certain, like a real answer with one shaky token: the mean stays high, a low quantile does not.
 * By rank: the lowest ~5% sit a little below `confidence`, the next band up to ~15% sits exactly at
 * it, the rest lie between it and 1. Any 10% quantile of n tokens falls inside that band.
 */
export function simLogprobs(count: number, confidence: number, seed: string): number[] {
  const random = seededRandom(`${seed}|logprobs`);
  const below = Math.floor(0.05 * count);
  const band = Math.max(1, Math.ceil(0.15 * count) - below);
  const probabilities: number[] = [];
  for (let rank = 0; rank < count; rank++) {
    if (rank < below) probabilities.push(confidence * (0.85 + 0.15 * random()));
    else if (rank < below + band) probabilities.push(confidence);
    else probabilities.push(confidence + (1 - confidence) * (0.6 + 0.4 * random()));
  }
  // Deterministic Fisher–Yates shuffle, so the shaky tokens are spread through the reply.
  for (let i = probabilities.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [probabilities[i], probabilities[j]] = [probabilities[j] ?? 0, probabilities[i] ?? 0];
  }
  return probabilities.map((p) => Math.log(Math.max(p, 1e-9)));
}

/** The confidence a reply's logprobs encode when the node sets none: seeded, in [0.5, 0.99]. */
export function seededConfidence(seed: string): number {
  return 0.5 + 0.49 * seededRandom(`${seed}|confidence`)();
}
