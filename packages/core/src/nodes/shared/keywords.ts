import { PATTERN_LIMITS, type UserPatterns } from "../../util/user-pattern";

/** A route keyword: `/pattern/flags` is a regular expression (RE2), anything else a whole word in any case. */
export type Keyword = { kind: "regex"; source: string; flags: string } | { kind: "word"; word: string };

export function parseKeyword(keyword: string): Keyword {
  // String operations, not a regex: the last '/' ends the pattern when only letters (flags) follow it.
  const close = keyword.lastIndexOf("/");
  const flags = keyword.slice(close + 1);
  if (keyword.startsWith("/") && close >= 2 && isLetters(flags)) return { kind: "regex", source: keyword.slice(1, close), flags };
  return { kind: "word", word: keyword.trim().toLowerCase() };
}

/** Matches keywords against one text (lowercased once for all its word keywords). */
export class KeywordText {
  private readonly lower: string;

  constructor(
    private readonly text: string,
    private readonly patterns: UserPatterns,
  ) {
    this.lower = text.slice(0, PATTERN_LIMITS.matchChars).toLowerCase();
  }

  matches(keyword: string): boolean {
    const parsed = parseKeyword(keyword);
    return parsed.kind === "regex" ? this.patterns.compile(parsed.source, parsed.flags).test(this.text) : findWord(this.lower, parsed.word) >= 0;
  }
}

/** The problem with a keyword (a pattern RE2 cannot run), for validation. */
export function keywordProblem(keyword: string, patterns: UserPatterns): string | undefined {
  const parsed = parseKeyword(keyword);
  return parsed.kind === "regex" ? patterns.problem(parsed.source, parsed.flags) : undefined;
}

/**
 * Where lowercase `word` first occurs in lowercased `text` with no letter, digit or '_' on either
 * side; -1 when nowhere. indexOf plus a look at the neighbours of each hit: no regex, linear in practice.
 */
export function findWord(text: string, word: string): number {
  if (word === "") return -1;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isWordChar(charBefore(text, at)) && !isWordChar(String.fromCodePoint(text.codePointAt(at + word.length) ?? 32))) return at;
  }
  return -1;
}

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

/** The whole character before `at` (both halves of a surrogate pair), or a space at the start. */
function charBefore(text: string, at: number): string {
  if (at === 0) return " ";
  const pair = at >= 2 ? text.codePointAt(at - 2) : undefined;
  return pair !== undefined && pair > 0xffff ? String.fromCodePoint(pair) : text.charAt(at - 1);
}

function isLetters(text: string): boolean {
  for (const char of text) if (char < "a" || char > "z") return false;
  return true;
}
