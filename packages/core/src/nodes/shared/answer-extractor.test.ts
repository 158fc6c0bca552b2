import { describe, expect, it } from "vitest";
import { UserPatterns } from "../../util/user-pattern";
import { extractAnswer as extractWith, extractorSchema, readJsonPath, type Extractor } from "./answer-extractor";

const extractAnswer = (extractor: Extractor, raw: unknown) => extractWith(extractor, raw, new UserPatterns());

const choice = extractorSchema.parse({ kind: "choice" });

describe("extractAnswer: choice", () => {
  it.each([
    ["C", "C"],
    ["C) Canberra", "C"],
    ["The answer is (C).", "C"],
    ["**C**", "C"],
    ["Answer: b", "B"],
    ["(D) is correct", "D"],
    ["I'd go with option A because…", "A"],
    ["E) none of these", undefined],
    ["no letter here", undefined],
  ])("%j → %s", (text, letter) => {
    expect(extractAnswer(choice, text)?.answer).toBe(letter);
  });

  it("honours a custom choice set", () => {
    expect(extractAnswer(extractorSchema.parse({ kind: "choice", choices: "ABCDE" }), "E) none of these")?.answer).toBe("E");
  });
});

describe("extractAnswer: normalized and regex", () => {
  it("normalizes case, punctuation and spaces for the key, keeps the trimmed text as the answer", () => {
    expect(extractAnswer({ kind: "normalized" }, "  Canberra,   Australia! ")).toEqual({ key: "canberra australia", answer: "Canberra,   Australia!" });
    expect(extractAnswer({ kind: "normalized" }, "?!")).toBeUndefined();
    expect(extractAnswer({ kind: "normalized" }, 42)).toEqual({ key: "42", answer: "42" });
  });

  it("captures the configured group", () => {
    const regex = extractorSchema.parse({ kind: "regex", pattern: "(\\d+)\\s*(km|mi)", group: 2 });
    expect(extractAnswer(regex, "about 12 KM away")).toEqual({ key: "km", answer: "KM" });
    expect(extractAnswer(regex, "far away")).toBeUndefined();
  });
});

describe("readJsonPath", () => {
  it("reads dotted and bracketed paths from objects and JSON text", () => {
    expect(readJsonPath({ a: { b: [{ c: 1 }] } }, "a.b[0].c")).toBe(1);
    expect(readJsonPath('noise {"a": {"b": [10, 20]}} noise', "$.a.b[1]")).toBe(20);
    expect(readJsonPath("[1, 2, 3]", "$[2]")).toBe(3);
  });

  it("returns undefined for missing paths, invalid JSON and inherited properties", () => {
    expect(readJsonPath({ a: 1 }, "b")).toBeUndefined();
    expect(readJsonPath("{not json}", "a")).toBeUndefined();
    expect(readJsonPath({ a: {} }, "a.constructor")).toBeUndefined();
    expect(readJsonPath({ a: {} }, "a.__proto__")).toBeUndefined();
  });
});

describe("choice extraction is case-sensitive after 'answer is'", () => {
  it("does not read an article as choice A", () => {
    expect(extractAnswer({ kind: "choice", choices: "ABCD" }, "The answer is a city in the south: C) Canberra")).toEqual({ key: "C", answer: "C" });
  });
});
