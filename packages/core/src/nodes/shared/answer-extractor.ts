import { z } from "zod";
import { stringifyValue } from "../../flow/template";

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

/** Reduces a branch's reply to a comparable answer, or undefined when it has none. */
export function extractAnswer(extractor: Extractor, raw: unknown): ExtractedAnswer | undefined {
  const text = stringifyValue(raw);
  switch (extractor.kind) {
    case "normalized": {
      const key = normalize(text);
      return key ? { key, answer: text.trim() } : undefined;
    }
    case "regex": {
      const match = new RegExp(extractor.pattern, extractor.flags).exec(text);
      const value = match?.[extractor.group]?.trim();
      return value ? { key: normalize(value), answer: value } : undefined;
    }
    case "choice": {
      const letter = findChoice(text, extractor.choices.toUpperCase());
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

/** Finds the chosen letter in replies like "C", "C) Canberra", "The answer is (C).", "**C**". */
function findChoice(text: string, choices: string): string | undefined {
  const set = `[${choices}]`;
  const patterns = [
    // A capital letter after "answer is"; a lowercase one only when nothing word-like follows it
    // ("Answer: b" yes, "the answer is a city" no).
    new RegExp(`[Aa]nswer(?:\\s+is)?\\s*[:\\-]?\\s*\\(?\\**(${set})\\b`),
    new RegExp(`answer(?:\\s+is)?\\s*[:\\-]?\\s*\\(?\\**(${set})(?=\\s*(?:$|[).:,;!*\\]]))`, "i"),
    new RegExp(`^\\s*\\(?\\**(${set})\\**\\s*(?:[).:\\]]|$)`, "im"),
    new RegExp(`\\((${set})\\)`),
    new RegExp(`\\b(${set})\\b`),
  ];
  for (const pattern of patterns) {
    const letter = pattern.exec(text)?.[1]?.toUpperCase();
    if (letter && choices.includes(letter)) return letter;
  }
  return undefined;
}

/** `a.b.0.c` or `$.a.b[0].c` into parsed JSON (or a JSON string), own properties only. */
export function readJsonPath(raw: unknown, path: string): unknown {
  let value: unknown = raw;
  if (typeof raw === "string") {
    const json = /\{[\s\S]*\}|\[[\s\S]*\]/.exec(raw)?.[0];
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
