import { describe, expect, it } from "vitest";
import { FLOW_LIMITS } from "../flow/limits";
import type { FlowInput } from "../flow/flow-schema";
import { resolveRunInputs } from "./run-inputs";

const declared: FlowInput[] = [
  { name: "question", type: "string", description: "what to ask" },
  { name: "count", type: "number", required: false },
  { name: "strict", type: "boolean", default: false },
  { name: "config", type: "json", required: false },
];

describe("resolveRunInputs", () => {
  it("accepts typed values and applies defaults", () => {
    expect(resolveRunInputs(declared, { question: "hi", count: 2, config: { a: [1] } })).toEqual({ ok: true, values: { question: "hi", count: 2, strict: false, config: { a: [1] } } });
  });

  it("converts strings from a CLI or form to the declared type", () => {
    expect(resolveRunInputs(declared, { question: "hi", count: "4.5", strict: "true", config: '{"a": [1, 2]}' })).toEqual({
      ok: true,
      values: { question: "hi", count: 4.5, strict: true, config: { a: [1, 2] } },
    });
    expect(resolveRunInputs(declared, { question: "hi", strict: "false", config: "null" })).toEqual({ ok: true, values: { question: "hi", strict: false, config: null } });
  });

  it("turns numbers and booleans given for a string input into text", () => {
    expect(resolveRunInputs(declared, { question: 42 })).toEqual({ ok: true, values: { question: "42", strict: false } });
  });

  it("keeps a string input that starts with '!'", () => {
    expect(resolveRunInputs(declared, { question: "!important" })).toEqual({ ok: true, values: { question: "!important", strict: false } });
    expect(resolveRunInputs(declared, { question: "x", config: '"!json string"' })).toEqual({ ok: true, values: { question: "x", strict: false, config: "!json string" } });
  });

  it("reports a missing required input with its description", () => {
    expect(resolveRunInputs(declared, {})).toEqual({ ok: false, problems: ["missing input 'question' (what to ask)"] });
  });

  it("reports unknown names, listing the declared ones", () => {
    expect(resolveRunInputs(declared, { question: "hi", qestion: "typo" })).toEqual({ ok: false, problems: ["unknown input 'qestion'; the flow declares 'question', 'count', 'strict', 'config'"] });
    expect(resolveRunInputs([], { x: 1 })).toEqual({ ok: false, problems: ["unknown input 'x'; the flow declares no inputs"] });
  });

  it("reports values that do not convert", () => {
    const result = resolveRunInputs(declared, { question: { a: 1 }, count: "many", strict: "yes", config: "{not json" });
    expect(result).toEqual({
      ok: false,
      problems: [
        `input 'question' must be a string, got {"a":1}`,
        `input 'count' must be a number, got "many"`,
        `input 'strict' must be a boolean, got "yes"`,
        "input 'config' must be JSON",
      ],
    });
  });

  it.each([[""], ["  "], ["Infinity"], [Number.NaN]])("rejects %j as a number", (raw) => {
    expect(resolveRunInputs([{ name: "n", type: "number" }], { n: raw }).ok).toBe(false);
  });

  it("reports every problem at once", () => {
    const result = resolveRunInputs(declared, { count: "x", extra: 1 });
    expect(result.ok ? [] : result.problems).toHaveLength(3);
  });

  it("limits the size of a value", () => {
    const limit = FLOW_LIMITS.inputValueChars;
    expect(resolveRunInputs([{ name: "q", type: "string" }], { q: "x".repeat(limit) }).ok).toBe(true);
    expect(resolveRunInputs([{ name: "q", type: "string" }], { q: "x".repeat(limit + 1) })).toEqual({ ok: false, problems: [`input 'q' is ${limit + 1} characters; the limit is ${limit}`] });
    const big = { list: "y".repeat(limit) };
    expect(resolveRunInputs([{ name: "c", type: "json" }], { c: big })).toEqual({ ok: false, problems: [`input 'c' is ${limit + 11} characters; the limit is ${limit}`] });
  });

  it("refuses nesting past the limit before anything serializes it, also inside a JSON string", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const text = `${"[".repeat(100_000)}1${"]".repeat(100_000)}`;
    for (const config of [deep, text]) {
      const result = resolveRunInputs(declared, { question: "q", config });
      expect(result).toEqual({ ok: false, problems: [expect.stringMatching(new RegExp(`^input 'config(\\.0)+' is nested more than ${FLOW_LIMITS.depth} levels deep$`))] });
    }
  });

  it("refuses text the database cannot store, naming the input and the character", () => {
    expect(resolveRunInputs(declared, { question: "a\u0000b" })).toEqual({ ok: false, problems: ["input 'question' contains U+0000 (a NUL character) at character 2, which cannot be stored"] });
    expect(resolveRunInputs(declared, { question: "q", config: '{"k": "\\ud800"}' })).toEqual({
      ok: false,
      problems: ["input 'config.k' contains an unpaired surrogate U+D800 at character 1 (not valid Unicode), which cannot be stored"],
    });
    const unknown = resolveRunInputs(declared, { question: "q", "x\u0000": 1 });
    expect(unknown.ok || unknown.problems[0]).toMatch(/^unknown input 'x\uFFFD'/);
  });
});
