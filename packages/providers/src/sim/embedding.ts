import { hashString } from "@switchyard/core";

/** Dimensions of `sim:embed` vectors. */
export const SIM_EMBED_DIMENSIONS = 256;

// Words that every sentence shares; counting them would make unrelated texts look alike.
const STOPWORDS = new Set(
  (
    "a an the and or but if of to in on at by for with from as is are was were be been it its this that " +
    "these those i me my we our you your he she they them their what which who how do does did can could " +
    "would should will please"
  ).split(" "),
);

/**
 * A deterministic stand-in for an embedding model: a feature-hashed bag of lowercase words and
 * word bigrams, L2-normalised. Texts that share words get a high cosine similarity, which is all
 * routing by similarity to example utterances needs offline.
 */
export function simEmbedding(text: string): number[] {
  const vector = new Array<number>(SIM_EMBED_DIMENSIONS).fill(0);
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
  const add = (feature: string, weight: number) => {
    const hash = hashString(feature);
    // The sign bit keeps hash collisions from systematically inflating similarity.
    vector[hash % SIM_EMBED_DIMENSIONS] =
      (vector[hash % SIM_EMBED_DIMENSIONS] ?? 0) + (hash & 0x80000000 ? -weight : weight);
  };
  words.forEach((word, i) => {
    add(word, 1);
    if (i > 0) add(`${words[i - 1]} ${word}`, 0.5);
  });
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

// Crude plural folding so "refunds" matches "refund"; good enough for a simulator.
function stem(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}
