import { RE2JS } from "re2js";

/**
 * Regular expressions written by users (router keywords, vote and extract patterns) run on RE2
 * (re2js, a pure-JS port): time linear in the text, where a backtracking engine took 40 s on
 * `/(a+)+$/` against 31 characters. RE2 has no backreferences and no lookaround. Validation and
 * execution compile through here, so a pattern that validates runs.
 */
export const PATTERN_LIMITS = {
  /** A pattern is matched against the first this many characters of a text. */
  matchChars: 100_000,
  /** Compiled size (RE2 instructions) beyond which a pattern is refused as too complex. */
  programSize: 5_000,
  /**
   * Characters × instructions one search for capture groups may cost (~0.1 s: groups need RE2's
   * slower NFA, ~50 ns per step here), so a big pattern with groups reads fewer characters.
   */
  captureWork: 2_000_000,
} as const;

/** JS flags and their RE2 equivalent; `u` is RE2's only mode and `g` is moot (the first match counts). */
const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0, g: 0 };
const ENGINE = "Switchyard's linear-time regex engine";

/** A compiled user pattern. Every method reads at most the first `PATTERN_LIMITS.matchChars` characters. */
export interface UserPattern {
  /** The pattern as the user wrote it, e.g. `/err(or)?\d+/i`, for messages. */
  readonly display: string;
  /** How many leading characters a search with capture groups reads. */
  readonly captureChars: number;
  test(text: string): boolean;
  /** The first match: where it starts and its groups (0 is the whole match). */
  exec(text: string): PatternMatch | undefined;
  /** The last of the non-overlapping matches. */
  lastMatch(text: string): PatternMatch | undefined;
}

export interface PatternMatch {
  index: number;
  groups: readonly (string | undefined)[];
}

/** Thrown by `compileUserPattern`; its message names the pattern and the problem. */
export class UserPatternError extends Error {
  override name = "UserPatternError";
}

/** Compiles a JS-syntax pattern with JS flags for RE2, or throws a UserPatternError that says why not. */
export function compileUserPattern(source: string, flags = ""): UserPattern {
  const display = displayOf(source, flags);
  let bits = 0;
  for (const flag of flags) {
    const bit = Object.hasOwn(FLAGS, flag) ? FLAGS[flag] : undefined;
    if (bit === undefined) throw new UserPatternError(`${display} uses flag '${flag}', which ${ENGINE} does not support (flags: i, m, s, u)`);
    bits |= bit;
  }
  // Before translating: the translation reads an unknown escape like `\k` as a plain letter.
  const feature = unsupportedFeature(source);
  if (feature) throw new UserPatternError(`${display} uses ${feature}, which ${ENGINE} does not support`);
  let re: RE2JS;
  try {
    // JS syntax into RE2's: `\uXXXX`, `(?<name>…)`, `\cX`, `[^]`.
    re = RE2JS.compile(RE2JS.translateRegExp(source), bits);
  } catch (error) {
    // RE2's message quotes the pattern with the flags it was given prefixed as `(?i)`: show the user's text.
    const reason = (error as Error).message.replace(/^error parsing regexp: /, "").replace(/`(?:\(\?[ims]\))+/, "`");
    throw new UserPatternError(`${display} is not a valid regular expression: ${reason}`);
  }
  const size = re.programSize();
  if (size > PATTERN_LIMITS.programSize) {
    throw new UserPatternError(`${display} is too complex for ${ENGINE} (${size} instructions; at most ${PATTERN_LIMITS.programSize})`);
  }
  return new Re2Pattern(re, display, size);
}

/** Compiled patterns by source and flags: one flow's patterns compile once, for validation and every run. */
export class UserPatterns {
  private readonly compiled = new Map<string, UserPattern | UserPatternError>();

  /** The compiled pattern; throws its UserPatternError when it does not compile. */
  compile(source: string, flags = ""): UserPattern {
    const key = `${flags}/${source}`;
    let entry = this.compiled.get(key);
    if (entry === undefined) {
      try {
        entry = compileUserPattern(source, flags);
      } catch (error) {
        if (!(error instanceof UserPatternError)) throw error;
        entry = error;
      }
      this.compiled.set(key, entry);
    }
    if (entry instanceof UserPatternError) throw entry;
    return entry;
  }

  /** What is wrong with a pattern, for a validation message; undefined when it compiles. */
  problem(source: string, flags = ""): string | undefined {
    try {
      this.compile(source, flags);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }
}

class Re2Pattern implements UserPattern {
  readonly captureChars: number;

  constructor(
    private readonly re: RE2JS,
    readonly display: string,
    programSize: number,
  ) {
    this.captureChars = Math.min(PATTERN_LIMITS.matchChars, Math.floor(PATTERN_LIMITS.captureWork / Math.max(1, programSize)));
  }

  test(text: string): boolean {
    return this.re.test(head(text, PATTERN_LIMITS.matchChars));
  }

  exec(text: string): PatternMatch | undefined {
    const window = head(text, this.captureChars);
    // RE2's DFA answers "no match" fast; only a text that matches pays for the group search.
    if (!this.re.test(window)) return undefined;
    const match = this.re.exec(window) as RegExpExecArray | null;
    return match ? { index: match.index, groups: [...match] } : undefined;
  }

  lastMatch(text: string): PatternMatch | undefined {
    const window = head(text, this.captureChars);
    if (!this.re.test(window)) return undefined;
    let last: RegExpMatchArray | undefined;
    for (const match of this.re.matchAll(window)) last = match;
    return last ? { index: last.index ?? 0, groups: [...last] } : undefined;
  }
}

function head(text: string, chars: number): string {
  return text.length <= chars ? text : text.slice(0, chars);
}

function displayOf(source: string, flags: string): string {
  const shown = source.length > 80 ? `${source.slice(0, 77)}…` : source;
  return `/${shown}/${flags}`;
}

/** The JS feature RE2 lacks that a pattern uses, scanned outside character classes and escapes. */
function unsupportedFeature(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") {
      const next = source[i + 1] ?? "";
      if (!inClass && ((next >= "1" && next <= "9") || (next === "k" && source[i + 2] === "<"))) return "a backreference";
      i++;
    } else if (inClass) {
      if (char === "]") inClass = false;
    } else if (char === "[") {
      inClass = true;
    } else if (char === "(" && source[i + 1] === "?") {
      const kind = source.slice(i + 2, i + 4);
      if (kind[0] === "=" || kind[0] === "!") return "a lookahead";
      if (kind === "<=" || kind === "<!") return "a lookbehind";
    }
  }
  return undefined;
}
