import { describe, expect, it } from "vitest";
import type { FlowInput } from "@switchyard/core";
import { coerceRunInputs, formValuesFromRun, initialFieldValue, parseBudget, parseSeed } from "./run-inputs";

const inputs: FlowInput[] = [
  { name: "question", type: "string", default: "What is the capital of Australia?" },
  { name: "count", type: "number", default: 3 },
  { name: "strict", type: "boolean", default: true },
  { name: "context", type: "json", default: { lang: "en" } },
  { name: "note", type: "string", required: false },
];

describe("initialFieldValue", () => {
  it("prefills defaults as the user would type them", () => {
    expect(inputs.map(initialFieldValue)).toEqual(["What is the capital of Australia?", "3", true, '{\n  "lang": "en"\n}', ""]);
  });

  it("reads a boolean default given as text, and no default as unchecked", () => {
    expect(initialFieldValue({ name: "b", type: "boolean", default: "true" })).toBe(true);
    expect(initialFieldValue({ name: "b", type: "boolean" })).toBe(false);
  });
});

describe("coerceRunInputs", () => {
  it("types every value as declared, defaults filling untouched fields", () => {
    expect(coerceRunInputs(inputs, { count: " 7 " })).toEqual({
      ok: true,
      values: { question: "What is the capital of Australia?", count: 7, strict: true, context: { lang: "en" } },
    });
  });

  it("names each bad field", () => {
    const result = coerceRunInputs(inputs, { question: "", count: "seven", context: "{oops" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.question).toBe("Required.");
    expect(result.errors.count).toMatch(/number/);
    expect(result.errors.context).toMatch(/^Not valid JSON/);
    expect(result.errors.note).toBeUndefined();
  });

  it("sends unchecked booleans as false and keeps whitespace-only strings for optional inputs", () => {
    const result = coerceRunInputs(inputs, { strict: false, note: "  " });
    expect(result.ok && result.values.strict).toBe(false);
    expect(result.ok && result.values.note).toBe("  ");
  });

  it("accepts JSON scalars and arrays", () => {
    const result = coerceRunInputs([{ name: "j", type: "json" }], { j: "[1, 2]" });
    expect(result).toEqual({ ok: true, values: { j: [1, 2] } });
  });
});

describe("parseSeed and parseBudget", () => {
  it("treat empty as not given", () => {
    expect(parseSeed("")).toEqual({ ok: true, value: undefined });
    expect(parseBudget("  ")).toEqual({ ok: true, value: undefined });
  });

  it("accept what the server accepts", () => {
    expect(parseSeed("42")).toEqual({ ok: true, value: 42 });
    expect(parseBudget("$0.05")).toEqual({ ok: true, value: 0.05 });
  });

  it("refuse the rest with a reason", () => {
    expect(parseSeed("1.5").ok).toBe(false);
    expect(parseSeed("-1").ok).toBe(false);
    expect(parseSeed(String(2 ** 31)).ok).toBe(false);
    expect(parseBudget("0").ok).toBe(false);
    expect(parseBudget("abc").ok).toBe(false);
    expect(parseBudget("20000").ok).toBe(false);
  });
});

describe("formValuesFromRun", () => {
  it("shows a run's recorded inputs the way the form holds them", () => {
    expect(formValuesFromRun(inputs, { question: "Why?", count: 2, strict: false, context: [1] })).toEqual({
      question: "Why?",
      count: "2",
      strict: false,
      context: "[\n  1\n]",
    });
  });
});
