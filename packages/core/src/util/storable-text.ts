/**
 * Text PostgreSQL can store. Its `text` and `jsonb` types refuse U+0000 and unpaired UTF-16
 * surrogates (which have no UTF-8 encoding), so one such character from a model or a user would
 * make a whole write fail. Model text is repaired where it enters the engine (each bad character
 * becomes U+FFFD and is counted, so the UI can say so); user input is refused with a message
 * that names the field (see `findUnstorable`).
 */

/** What an unstorable character is replaced with. */
export const REPLACEMENT_CHAR = "\uFFFD";

// U+0000, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

interface WellFormed {
  isWellFormed(): boolean;
}

/** True when `text` can be stored as is (the common case, checked without allocating). */
export function isStorable(text: string): boolean {
  return !text.includes("\u0000") && (text as unknown as WellFormed).isWellFormed();
}

/** `text` with every unstorable character replaced by U+FFFD, and how many were replaced. */
export function storableText(text: string): { text: string; replaced: number } {
  if (isStorable(text)) return { text, replaced: 0 };
  let replaced = 0;
  const repaired = text.replace(UNSTORABLE, () => {
    replaced++;
    return REPLACEMENT_CHAR;
  });
  return { text: repaired, replaced };
}

/**
 * Repairs streamed text chunk by chunk. A surrogate pair may be split across two chunks, so a
 * chunk's trailing high surrogate is held back until the next chunk (or `end`) decides it.
 */
export class StorableTextStream {
  private held = "";
  /** Characters replaced so far. */
  replaced = 0;

  /** The storable part of `chunk` that can be passed on now (may be empty). */
  push(chunk: string): string {
    let text = this.held + chunk;
    this.held = "";
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.held = text.slice(-1);
      text = text.slice(0, -1);
    }
    return this.repair(text);
  }

  /** Whatever is still held back, repaired: call once the stream has ended. */
  end(): string {
    const text = this.held;
    this.held = "";
    return this.repair(text);
  }

  private repair(text: string): string {
    const result = storableText(text);
    this.replaced += result.replaced;
    return result.text;
  }
}

/** Where a value holds something the database cannot store, and what. */
export interface UnstorableProblem {
  /** Dotted path to the offending value (`inputs.question`, `nodes.3.data.prompt`), "" for the root. */
  path: string;
  /** Too deep to process safely, or a string the database cannot store. */
  kind: "depth" | "text";
  message: string;
}

export interface FindUnstorableOptions {
  /** Deepest nesting of arrays and objects accepted (the root value is depth 1). */
  maxDepth: number;
  /** Prefix of every reported path, e.g. `inputs`. */
  path?: string;
}

/**
 * The first place in a JSON-like value that cannot be stored: a string (or key) with U+0000 or an
 * unpaired surrogate, or nesting deeper than `maxDepth`. Iterative, so hostile depth cannot
 * overflow the stack here. Undefined when everything is storable.
 */
export function findUnstorable(value: unknown, options: FindUnstorableOptions): UnstorableProblem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: options.path ?? "", depth: 1 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      const problem = describeUnstorable(item.value);
      if (problem) return { path: item.path, kind: "text", message: problem };
      continue;
    }
    if (item.value === null || typeof item.value !== "object") continue;
    if (item.depth > options.maxDepth) {
      return { path: item.path, kind: "depth", message: `is nested more than ${options.maxDepth} levels deep` };
    }
    const entries: [string, unknown][] = Array.isArray(item.value)
      ? item.value.map((v, i) => [String(i), v])
      : Object.entries(item.value as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const path = item.path ? `${item.path}.${key}` : key;
      const keyProblem = describeUnstorable(key);
      if (keyProblem) return { path, kind: "text", message: `has a key that ${keyProblem}` };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return undefined;
}

/** Why a string cannot be stored, as the end of a sentence ("contains U+0000 at character 13"). */
function describeUnstorable(text: string): string | undefined {
  if (isStorable(text)) return undefined;
  UNSTORABLE.lastIndex = 0;
  const match = UNSTORABLE.exec(text);
  UNSTORABLE.lastIndex = 0;
  if (!match) return undefined;
  const at = match.index + 1;
  const char = match[0];
  return char === "\u0000"
    ? `contains U+0000 (a NUL character) at character ${at}, which cannot be stored`
    : `contains an unpaired surrogate U+${char.charCodeAt(0).toString(16).toUpperCase()} at character ${at} (not valid Unicode), which cannot be stored`;
}
