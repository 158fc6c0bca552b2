import { z } from "zod";
import { estimateTokens } from "../util/tokens";
import { helperModelSchema, modelIdSchema, templateSchema } from "./shared/schemas";
import { textOrInputs } from "./shared/inputs";
import { defineNode } from "./node-types";

export const summarizeData = z
  .object({
    model: modelIdSchema,
    /** Text to compress; the incoming values when absent. */
    text: templateSchema.optional(),
    /** Token budget of the result. */
    maxTokens: z.number().int().min(16).max(100_000).default(500),
    instructions: z.string().max(5000).optional(),
    ...helperModelSchema,
  })
  .strict();

/**
 * Context compression between stages: an LLM summary within a token budget. Text that already
 * fits passes through without a call, so compression never costs more than it saves.
 */
export const summarizeNode = defineNode({
  type: "summarize",
  label: "Summarize",
  description: "Compresses text to a token budget with an LLM summary; text that fits passes through free.",
  category: "transform",
  data: summarizeData,
  defaults: { model: "sim:fast", maxTokens: 500 },
  inputs: "many",
  fields: ["value", "text", "tokens", "originalTokens", "summarized"],
  canFail: true,
  templates: (data) => (data.text === undefined ? [] : [data.text]),
  models: (data) => [data.model],
  async execute(ctx) {
    const { data } = ctx;
    const text = textOrInputs(ctx.render, data.text, ctx.inputs);
    const originalTokens = estimateTokens(text);
    if (originalTokens <= data.maxTokens) {
      return { value: text, fields: { tokens: originalTokens, originalTokens, summarized: false } };
    }
    const result = await ctx.callModel({
      model: data.model,
      system: `Summarize the text in at most ${data.maxTokens} tokens. Keep names, numbers and decisions. ${data.instructions ?? ""}`.trim(),
      prompt: text,
      maxTokens: data.maxTokens,
      temperature: data.temperature ?? 0,
      timeoutMs: data.timeoutMs,
      stream: true,
    });
    // The budget is a promise to the next stage: cut a model that overshoots it.
    const summary = estimateTokens(result.text) > data.maxTokens ? result.text.slice(0, data.maxTokens * 4) : result.text;
    return { value: summary, fields: { tokens: estimateTokens(summary), originalTokens, summarized: true } };
  },
});
