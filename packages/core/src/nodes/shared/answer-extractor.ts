import { z } from "zod";
import { stringifyValue } from "../../flow/template";
import type { UserPatterns } from "../../util/user-pattern";

export const extractorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("normalized") }).strict(),
  z.object({ kind: z.literal("regex"), pattern: z.string().min(1).max(1000), group: z.number().int().min(0).max(20).default(1), flags: z.string().regex(/^[imsu]*$/).default("i") }).strict(),
  z.object({ kind: z.literal("choice"), choices: z.string().regex(/^[A-Za-z]+$/).default("ABCD") }).strict(),
  z.object({ kind: z.literal("json"), path: z.string().min(1).max(200) }).strict(),
]);

export type Extractor = z.output<typeof extractorSchema>;

/** What a vote counts: `key` decides equality, `answer` is what it reports. */
export interface ExtractedAnswer {
  key: string;
  answer: string;
}

/** Reduces a branch's reply to a comparable answer, or undefined when it has none. Patterns run on RE2. */
export function extractAnswer(extractor: Extractor, raw: unknown, patterns: UserPatterns): ExtractedAnswer | undefined {
  const text = stringifyValue(raw);
  switch (extractor.kind) {
    case "normalized": {
      const key = normalize(text);
      return key ? { key, answer: text.trim() } : undefined;
    }
    case "regex": {
      const match = patterns.compile(extractor.pattern, extractor.flags).exec(text);
      const value = match?.groups[extractor.group]?.trim();
      return value ? { key: normalize(value), answer: value } : undefined;
    }
    case "choice": {
      const letter = findChoice(text, extractor.choices.toUpperCase(), patterns);
      return letter ? { key: letter, answer: letter } : undefined;
    }
    case "json": {
      const value = readJsonPath(raw, extractor.path);
      return value === undefined ? undefined : { key: normalize(stringifyValue(value)), answer: stringifyValue(value) };
    }
  }
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, " ").replace(/\s+/g, " ").trim();
}

/**
 * Finds the chosen letter in replies like "C", "C) Canberra", "The answer is (C).", "**C**". On RE2
 * too: on a backtracking engine the runs of `\\s*` here are quadratic in a reply of spaces.
 */
function findChoice(text: string, choices: string, patterns: UserPatterns): string | undefined {
  const set = `[${choices}]`;
  const finders = [
    // A capital letter after "answer is"; a lowercase one only when nothing word-like follows it
    // ("Answer: b" yes, "the answer is a city" no).
    patterns.compile(`[Aa]nswer(?:\\s+is)?\\s*[:\\-]?\\s*\\(?\\**(${set})\\b`),
    patterns.compile(`answer(?:\\s+is)?\\s*[:\\-]?\\s*\\(?\\**(${set})\\s*(?:$|[).:,;!*\\]])`, "i"),
    patterns.compile(`^\\s*\\(?\\**(${set})\\**\\s*(?:[).:\\]]|$)`, "im"),
    patterns.compile(`\\((${set})\\)`),
    patterns.compile(`\\b(${set})\\b`),
  ];
  for (const finder of finders) {
    const letter = finder.exec(text)?.groups[1]?.toUpperCase();
    if (letter && choices.includes(letter)) return letter;
  }
  return undefined;
}

/** `a.b.0.c` or `$.a.b[0].c` into parsed JSON (or a JSON string), own properties only. */
export function readJsonPath(raw: unknown, path: string): unknown {
  let value: unknown = raw;
  if (typeof raw === "string") {
    const json = jsonSpan(raw);
    try {
      value = JSON.parse(json ?? raw);
    } catch {
      return undefined;
    }
  }
  const keys = path.replace(/^\$\.?/, "").replace(/\[(\d+)\]/g, ".$1").split(".").filter(Boolean);
  for (const key of keys) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The JSON in a reply: from the first `{` (or `[`) that has a `}` (or `]`) after it to the last
 * one, as `/\{[\s\S]*\}|\[[\s\S]*\]/` would find it, in one pass instead of quadratic backtracking.
 */
function jsonSpan(text: string): string | undefined {
  const lastBrace = text.lastIndexOf("}");
  const lastBracket = text.lastIndexOf("]");
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x7b && lastBrace > i) return text.slice(i, lastBrace + 1);
    if (char === 0x5b && lastBracket > i) return text.slice(i, lastBracket + 1);
  }
  return undefined;
}
