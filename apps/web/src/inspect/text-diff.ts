/** One run of a diff: text both sides share, or text only one side has. */
export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** Past this many LCS cells (tokens × tokens) the middle is reported as replaced, not aligned. */
const MAX_CELLS = 4_000_000;

/** Words (and single punctuation marks) with the whitespace after them; joined, the tokens give the text back. */
export function wordTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+\s*|[^\s\p{L}\p{N}_]\s*|\s+/gu) ?? [];
}

/** Lines with their line break, so joining the tokens gives the text back. */
export function lineTokens(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Word diff of `a` (before) against `b` (after). */
export function diffWords(a: string, b: string): DiffPart[] {
  return diffTokens(wordTokens(a), wordTokens(b));
}

/** Line diff of `a` (before) against `b` (after). */
export function diffLines(a: string, b: string): DiffPart[] {
  return diffTokens(lineTokens(a), lineTokens(b));
}

/**
 * Longest-common-subsequence diff of two token lists: the common prefix and suffix are split off
 * first, so small edits to long texts stay cheap; removals come before additions at each change.
 */
export function diffTokens(a: readonly string[], b: readonly string[]): DiffPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, "same", a.slice(0, start).join(""));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(parts, "removed", midA.join(""));
    push(parts, "added", midB.join(""));
  } else {
    for (const part of lcsDiff(midA, midB)) push(parts, part.kind, part.text);
  }
  push(parts, "same", a.slice(endA).join(""));
  return parts;
}

/** Whether two texts differ at all, ignoring nothing. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.kind !== "same");
}

/** The parts one side shows: "before" hides additions, "after" hides removals. */
export function sideOf(parts: readonly DiffPart[], side: "before" | "after"): DiffPart[] {
  const hidden = side === "before" ? "added" : "removed";
  return parts.filter((p) => p.kind !== hidden);
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0)
    return [
      ...(n ? [{ kind: "removed" as const, text: a.join("") }] : []),
      ...(m ? [{ kind: "added" as const, text: b.join("") }] : []),
    ];
  // lengths[i * (m + 1) + j] = LCS length of a[i..] and b[j..].
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  let removed = "";
  let added = "";
  const flush = () => {
    push(parts, "removed", removed);
    push(parts, "added", added);
    removed = "";
    added = "";
  };
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      flush();
      push(parts, "same", a[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) removed += a[i++];
    else added += b[j++];
  }
  removed += a.slice(i).join("");
  added += b.slice(j).join("");
  flush();
  return parts;
}

/** Appends a part, merging it into the previous one of the same kind; empty text is dropped. */
function push(parts: DiffPart[], kind: DiffPart["kind"], text: string): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}
