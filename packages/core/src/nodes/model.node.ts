import { z } from "zod";
import { simOptionsSchema } from "../model/sim-options";
import { retryPolicySchema } from "../engine/retry";
import { logprobConfidence, selfReportedConfidence, SELF_REPORT_INSTRUCTION } from "../engine/confidence";
import { modelIdSchema, templateSchema, timeoutSchema } from "./shared/schemas";
import { defineNode } from "./node-types";

export const modelData = z
  .object({
    model: modelIdSchema,
    system: templateSchema.optional(),
    prompt: templateSchema.min(1, "a model node needs a prompt"),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).max(1_000_000).optional(),
    timeoutMs: timeoutSchema.default(60_000),
    retry: retryPolicySchema.partial().optional(),
    /** Where the node's confidence comes from, for gates and low-confidence fallbacks. */
    confidence: z.enum(["none", "self-report", "logprobs"]).default("none"),
    /** Which quantile of token probabilities `logprobs` confidence reads. */
    logprobQuantile: z.number().min(0).max(1).default(0.1),
    sim: simOptionsSchema.optional(),
  })
  .strict();

/** One LLM call: renders its templates, streams the reply, reports usage, cost and confidence. */
export const modelNode = defineNode({
  type: "model",
  label: "Model",
  description: "One LLM call. The prompt sees only what its {{…}} references name.",
  category: "model",
  data: modelData,
  defaults: { model: "sim:fast", prompt: "{{input.question}}" },
  inputs: "many",
  fields: ["text", "value", "confidence", "model", "usage", "costUsd", "prompt"],
  canFail: true,
  templates: (data) => [data.prompt, ...(data.system === undefined ? [] : [data.system])],
  models: (data) => [data.model],
  async execute(ctx) {
    const { data } = ctx;
    const rendered = data.system === undefined ? undefined : ctx.render(data.system);
    const system =
      data.confidence === "self-report" ? [rendered, SELF_REPORT_INSTRUCTION].filter(Boolean).join("\n\n") : rendered;
    const prompt = ctx.render(data.prompt);
    const result = await ctx.callModel({
      model: data.model,
      system,
      prompt,
      temperature: data.temperature,
      maxTokens: data.maxTokens,
      logprobs: data.confidence === "logprobs",
      sim: data.sim,
      timeoutMs: data.timeoutMs,
      retry: data.retry,
      stream: true,
    });
    const confidence =
      data.confidence === "self-report"
        ? selfReportedConfidence(result.text)
        : data.confidence === "logprobs"
          ? logprobConfidence(result.tokenLogprobs ?? [], data.logprobQuantile)
          : undefined;
    return {
      value: result.text,
      confidence,
      fields: { text: result.text, model: result.model, prompt, ...(system === undefined ? {} : { system }) },
    };
  },
});
