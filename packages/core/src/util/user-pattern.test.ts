import { describe, expect, it } from "vitest";
import { compileUserPattern, PATTERN_LIMITS, UserPatternError, UserPatterns } from "./user-pattern";

// "It did not hang" bounds only: on a backtracking engine these cases take minutes to forever.
const HANG = 20_000;

describe("user patterns on RE2", () => {
  it("matches the catastrophic /(a+)+$/ against a long input in linear time", () => {
    const pattern = compileUserPattern("(a+)+$");
    expect(pattern.test(`${"a".repeat(30)}!`)).toBe(false);
    expect(pattern.test(`${"a".repeat(50_000)}!`)).toBe(false);
    expect(pattern.exec(`${"a".repeat(50_000)}!`)).toBeUndefined();
    expect(pattern.exec("xaaa")).toEqual({ index: 1, groups: ["aaa", "aaa"] });
  }, HANG);

  it("keeps JS syntax and flags: \\u escapes, named groups, i, m, s, u", () => {
    expect(compileUserPattern("\\u0041(?<rest>\\d+)").exec("xA42")?.groups).toEqual(["A42", "42"]);
    expect(compileUserPattern("^b", "m").test("a\nb")).toBe(true);
    expect(compileUserPattern("^b").test("a\nb")).toBe(false);
    expect(compileUserPattern("a.b", "s").test("a\nb")).toBe(true);
    expect(compileUserPattern("ÉTÉ", "iu").test("été")).toBe(true);
    expect(compileUserPattern("(x)?y").exec("y")?.groups).toEqual(["y", undefined]);
  });

  it.each([
    ["(a)\\1", "", "/(a)\\1/ uses a backreference, which Switchyard's linear-time regex engine does not support"],
    ["(?<x>a)\\k<x>", "", "/(?<x>a)\\k<x>/ uses a backreference, which Switchyard's linear-time regex engine does not support"],
    ["a(?=b)", "i", "/a(?=b)/i uses a lookahead, which Switchyard's linear-time regex engine does not support"],
    ["a(?!b)", "", "/a(?!b)/ uses a lookahead, which Switchyard's linear-time regex engine does not support"],
    ["(?<=a)b", "", "/(?<=a)b/ uses a lookbehind, which Switchyard's linear-time regex engine does not support"],
    ["(?<!a)b", "", "/(?<!a)b/ uses a lookbehind, which Switchyard's linear-time regex engine does not support"],
    ["abc", "y", "/abc/y uses flag 'y', which Switchyard's linear-time regex engine does not support (flags: i, m, s, u)"],
    ["(", "", "/(/ is not a valid regular expression: missing closing ): `(`"],
  ])("refuses %s with flags %j, saying why", (source, flags, message) => {
    expect(() => compileUserPattern(source, flags)).toThrow(new UserPatternError(message));
  });

  it("does not mistake escaped or bracketed text for a backreference or lookahead", () => {
    expect(compileUserPattern("\\\\1").test("\\1")).toBe(true);
    expect(compileUserPattern("[(?=]x").test("=x")).toBe(true);
  });

  it("refuses a pattern too big to run in bounded time", () => {
    expect(() => compileUserPattern("(.*){1,1000}[bc]")).toThrow(/is too complex for Switchyard's linear-time regex engine \(\d+ instructions; at most 5000\)/);
  });

  it("matches only the first PATTERN_LIMITS.matchChars characters", () => {
    const text = `${"x".repeat(PATTERN_LIMITS.matchChars)}needle`;
    expect(compileUserPattern("needle").test(text)).toBe(false);
    expect(compileUserPattern("needle").test(text.slice(6))).toBe(true);
  });

  it("caches per pattern and flags, errors included", () => {
    const patterns = new UserPatterns();
    expect(patterns.compile("a+", "i")).toBe(patterns.compile("a+", "i"));
    expect(patterns.compile("a+")).not.toBe(patterns.compile("a+", "i"));
    expect(patterns.problem("(a)\\1")).toMatch(/backreference/);
    expect(() => patterns.compile("(a)\\1")).toThrow(UserPatternError);
    expect(patterns.problem("a+")).toBeUndefined();
  });
});
