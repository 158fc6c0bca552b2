/** A keyword written as `/pattern/flags` is a regular expression; anything else a case-insensitive word. */
export function keywordMatcher(keyword: string): RegExp {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(keyword);
  if (literal) return new RegExp(literal[1] ?? "", literal[2]);
  const escaped = keyword.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped}($|[^\\p{L}\\p{N}_])`, "iu");
}

/** The problem with a keyword, if it is an invalid regular expression. */
export function keywordProblem(keyword: string): string | undefined {
  try {
    keywordMatcher(keyword);
    return undefined;
  } catch (error) {
    return `invalid regular expression ${keyword}: ${(error as Error).message}`;
  }
}
