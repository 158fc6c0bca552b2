// A word (letters, digits, apostrophes) or one other visible character, with the whitespace before
// it; trailing whitespace is its own chunk. Every character lands in exactly one chunk.
const CHUNK = /\s*(?:[\p{L}\p{N}_'’]+|[^\s\p{L}\p{N}_'’])|\s+$/gu;

/** Splits text into word-sized stream chunks whose concatenation is the text; one chunk = one token. */
export function splitIntoChunks(text: string): string[] {
  return text.match(CHUNK) ?? [];
}
