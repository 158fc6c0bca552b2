import { z } from "zod";
import { FLOW_LIMITS } from "../../flow/limits";

/** `provider:model`, e.g. `openai:gpt-4o-mini`, `ollama:llama3.1`, `sim:fast`. */
export const modelIdSchema = z
  .string()
  .max(200)
  .regex(/^[a-z][a-z0-9-]*:\S+$/, "must look like provider:model, e.g. openai:gpt-4o-mini or sim:fast");

/** A text field that may contain `{{…}}` references. */
export const templateSchema = z.string().max(FLOW_LIMITS.textChars);

export const timeoutSchema = z.number().int().min(1).max(3_600_000);

/** Settings shared by nodes that call a model for their own purposes (judges, classifiers, summaries). */
export const helperModelSchema = {
  timeoutMs: timeoutSchema.optional(),
  temperature: z.number().min(0).max(2).optional(),
};
