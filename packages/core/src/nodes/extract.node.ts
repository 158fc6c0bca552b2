import { z } from "zod";
import { readJsonPath } from "./shared/answer-extractor";
import { helperModelSchema, modelIdSchema, templateSchema } from "./shared/schemas";
import { textOrInputs } from "./shared/inputs";
import { defineNode } from "./node-types";
import { problem } from "../validation/problems";
import { TimeSlices } from "../util/time-slices";
import type { UserPatterns } from "../util/user-pattern";

/** Field patterns match case-insensitively. */
const FIELD_FLAGS = "i";

const fieldSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/).max(64),
    description: z.string().max(1000).optional(),
    /** A regex (case-insensitive, RE2: no backreferences or lookaround) whose first group is the value. */
    pattern: z.string().max(1000).optional(),
  })
  .strict();

export const extractData = z
  .object({
    fields: z.array(fieldSchema).min(1).max(50),
    /** Text to read; the incoming values when absent. */
    text: templateSchema.optional(),
    /** With a model, an LLM extracts the fields as JSON; without, JSON, patterns and `name: value` lines. */
    model: modelIdSchema.optional(),
    ...helperModelSchema,
  })
  .strict();

type Field = z.output<typeof fieldSchema>;

/** Context compression to key fields: passes on only what the next stage needs. */
export const extractNode = defineNode({
  type: "extract",
  label: "Extract",
  description: "Pulls named fields out of text (with an LLM, or by JSON, patterns and 'name: value' lines).",
  category: "transform",
  data: extractData,
  defaults: { fields: [{ name: "answer" }] },
  inputs: "many",
  fields: ["value", "text", "fields", "missing"],
  canFail: true,
  templates: (data) => (data.text === undefined ? [] : [data.text]),
  models: (data) => (data.model === undefined ? [] : [data.model]),
  validate: (nodeId, data, flow) =>
    data.fields.flatMap((f) => {
      const issue = f.pattern === undefined ? undefined : flow.patterns.problem(f.pattern, FIELD_FLAGS);
      return issue ? [problem("invalid-regex", `extract '${nodeId}', field '${f.name}': ${issue}`, { nodeId })] : [];
    }),
  async execute(ctx) {
    const { data } = ctx;
    let source = textOrInputs(ctx.render, data.text, ctx.inputs);
    if (data.model !== undefined) {
      const wanted = data.fields.map((f) => `- ${f.name}${f.description ? `: ${f.description}` : ""}`).join("\n");
      const result = await ctx.callModel({
        model: data.model,
        system: "Extract the requested fields from the text. Reply with one JSON object and nothing else; use null for a field that is absent.",
        prompt: `Fields:\n${wanted}\n\nText:\n${source}`,
        temperature: data.temperature ?? 0,
        timeoutMs: data.timeoutMs,
      });
      source = result.text;
    }
    const fields: Record<string, unknown> = {};
    const missing: string[] = [];
    const slices = new TimeSlices();
    for (const field of data.fields) {
      await slices.next();
      const value = readField(source, field, ctx.patterns);
      if (value === undefined || value === null) missing.push(field.name);
      else fields[field.name] = value;
    }
    return { value: fields, fields: { fields, missing } };
  },
});

function readField(text: string, field: Field, patterns: UserPatterns): unknown {
  if (field.pattern !== undefined) return patterns.compile(field.pattern, FIELD_FLAGS).exec(text)?.groups[1]?.trim();
  const fromJson = readJsonPath(text, field.name);
  if (fromJson !== undefined) return fromJson;
  // On RE2 too: on a backtracking engine the `\\s*[-*]?\\s*` here is cubic in a text of blank lines.
  const line = patterns.compile(`^\\s*[-*]?\\s*${field.name}\\s*[:=]\\s*(.+)$`, "im").exec(text);
  return line?.groups[1]?.trim();
}
