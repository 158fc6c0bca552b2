import { describe, expect, it } from "vitest";
import {
  diffLines,
  diffTokens,
  diffWords,
  hasChanges,
  lineTokens,
  sideOf,
  wordTokens,
  type DiffPart,
} from "./text-diff";

const join = (parts: readonly DiffPart[]) => parts.map((p) => p.text).join("");

describe("tokens", () => {
  it("keep every character, so joining them gives the text back", () => {
    const text = "  Canberra — not Sydney.\nConfidence: 92%\n\nÉtat 2";
    expect(wordTokens(text).join("")).toBe(text);
    expect(lineTokens(text).join("")).toBe(text);
    expect(wordTokens("The answer is C.")).toEqual(["The ", "answer ", "is ", "C", "."]);
    expect(lineTokens("a\nb\n")).toEqual(["a\n", "b\n"]);
    expect(wordTokens("")).toEqual([]);
  });
});

describe("diffWords", () => {
  it("marks a replaced word as removed then added, the rest as the same", () => {
    expect(diffWords("The capital is Sydney.", "The capital is Canberra.")).toEqual([
      { kind: "same", text: "The capital is " },
      { kind: "removed", text: "Sydney" },
      { kind: "added", text: "Canberra" },
      { kind: "same", text: "." },
    ]);
  });

  it("finds insertions and deletions in the middle (LCS, not just prefix/suffix)", () => {
    const parts = diffWords("a b c d e", "a x c d y e");
    expect(parts).toEqual([
      { kind: "same", text: "a " },
      { kind: "removed", text: "b " },
      { kind: "added", text: "x " },
      { kind: "same", text: "c d " },
      { kind: "added", text: "y " },
      { kind: "same", text: "e" },
    ]);
  });

  it("gives each side back exactly", () => {
    const before = "Sydney? Confidence: 40%";
    const after = "Canberra. Confidence: 92%";
    const parts = diffWords(before, after);
    expect(join(sideOf(parts, "before"))).toBe(before);
    expect(join(sideOf(parts, "after"))).toBe(after);
    expect(hasChanges(parts)).toBe(true);
  });

  it("reports equal texts as one unchanged part, and empty sides as pure additions or removals", () => {
    expect(diffWords("same text", "same text")).toEqual([{ kind: "same", text: "same text" }]);
    expect(hasChanges(diffWords("same", "same"))).toBe(false);
    expect(diffWords("", "new")).toEqual([{ kind: "added", text: "new" }]);
    expect(diffWords("old", "")).toEqual([{ kind: "removed", text: "old" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("stays correct on long texts with a small change, and falls back to a replacement when too large to align", () => {
    const long = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(" ");
    const edited = long.replace("w2500", "CHANGED");
    const parts = diffWords(long, edited);
    expect(parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "w2500 " },
      { kind: "added", text: "CHANGED " },
    ]);
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    const replaced = diffTokens(a, b);
    expect(replaced.map((p) => p.kind)).toEqual(["removed", "added"]);
    expect(join(sideOf(replaced, "after"))).toBe(b.join(""));
  });
});

describe("diffLines", () => {
  it("aligns whole lines", () => {
    expect(diffLines("one\ntwo\nthree\n", "one\n2\nthree\nfour\n")).toEqual([
      { kind: "same", text: "one\n" },
      { kind: "removed", text: "two\n" },
      { kind: "added", text: "2\n" },
      { kind: "same", text: "three\n" },
      { kind: "added", text: "four\n" },
    ]);
  });
});
