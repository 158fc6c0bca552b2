import { z } from "zod";
import { templateSchema } from "./shared/schemas";
import { defineNode } from "./node-types";

export const templateData = z
  .object({
    template: templateSchema,
    /** `json` parses the rendered text, so downstream nodes can reference its fields. */
    format: z.enum(["text", "json"]).default("text"),
  })
  .strict();

/** Shapes text or JSON from earlier values, with no model call. */
export const templateNode = defineNode({
  type: "template",
  label: "Template",
  description: "Builds text or JSON from inputs and earlier nodes' outputs.",
  category: "transform",
  data: templateData,
  defaults: { template: "{{input.question}}" },
  inputs: "many",
  fields: ["value", "text"],
  canFail: true,
  templates: (data) => [data.template],
  execute(ctx) {
    const text = ctx.render(ctx.data.template);
    if (ctx.data.format === "text") return { value: text };
    try {
      return { value: JSON.parse(text) as unknown, fields: { text } };
    } catch (error) {
      throw new Error(`template '${ctx.nodeId}' did not produce valid JSON: ${(error as Error).message}`);
    }
  },
});

