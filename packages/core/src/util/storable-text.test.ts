import { describe, expect, it } from "vitest";
import { findUnstorable, isStorable, StorableTextStream, storableText } from "./storable-text";

describe("storableText", () => {
  it("leaves ordinary text, emoji and other surrogate pairs alone", () => {
    for (const text of ["", "Canberra", "naïve — 日本語", "🦘 kangaroo 👍🏽"]) {
      expect(isStorable(text)).toBe(true);
      expect(storableText(text)).toEqual({ text, replaced: 0 });
    }
  });

  it("replaces NUL and unpaired surrogates with U+FFFD and counts them", () => {
    expect(storableText("a\u0000b")).toEqual({ text: "a\uFFFDb", replaced: 1 });
    expect(storableText("\uD800x\uDC00")).toEqual({ text: "\uFFFDx\uFFFD", replaced: 2 });
    expect(storableText("ok 🦘\u0000\uDBFF")).toEqual({ text: "ok 🦘\uFFFD\uFFFD", replaced: 2 });
  });
});

describe("StorableTextStream", () => {
  it("keeps a surrogate pair split across two chunks intact", () => {
    const stream = new StorableTextStream();
    const pair = "🦘";
    const out = stream.push(`roo ${pair[0]}`) + stream.push(`${pair[1]} hop`) + stream.end();
    expect(out).toBe("roo 🦘 hop");
    expect(stream.replaced).toBe(0);
  });

  it("replaces a high surrogate that the next chunk does not complete, and one left at the end", () => {
    const stream = new StorableTextStream();
    const out = stream.push("a\uD83E") + stream.push("b\u0000") + stream.push("c\uD83E") + stream.end();
    expect(out).toBe("a\uFFFDb\uFFFDc\uFFFD");
    expect(stream.replaced).toBe(3);
  });
});

describe("findUnstorable", () => {
  it("names the path and the character of the first problem", () => {
    expect(findUnstorable({ question: "fine", other: ["x", "y\u0000"] }, { maxDepth: 10, path: "inputs" })).toEqual({
      path: "inputs.other.1",
      kind: "text",
      message: "contains U+0000 (a NUL character) at character 2, which cannot be stored",
    });
    expect(findUnstorable({ q: "\uDC01" }, { maxDepth: 10 })?.message).toMatch(/unpaired surrogate U\+DC01 at character 1/);
    expect(findUnstorable({ ["k\u0000"]: 1 }, { maxDepth: 10 })).toMatchObject({ path: "k\u0000", message: expect.stringMatching(/^has a key that contains U\+0000/) });
  });

  it("refuses nesting past the limit without overflowing the stack", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorable(deep, { maxDepth: 64 })?.message).toBe("is nested more than 64 levels deep");
    expect(findUnstorable({ a: { b: [1, { c: "ok" }] } }, { maxDepth: 4 })).toBeUndefined();
    expect(findUnstorable({ a: { b: [1, { c: "ok" }] } }, { maxDepth: 3 })).toMatchObject({ path: "a.b.1", kind: "depth" });
  });
});
