import { z } from "zod";

const compatibleSchema = z.array(z.object({ name: z.string(), baseURL: z.url(), apiKey: z.string().optional() }));
const priceSchema = z.record(z.string(), z.object({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) }));

/** A JSON-valued variable, parsed and then checked by `schema`. */
function jsonVar<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const optionalKey = z.string().trim().min(1).optional();

/** Every environment variable Switchyard reads, validated once. Nothing else reads process.env. */
export const envSchema = z.object({
  OPENAI_API_KEY: optionalKey,
  OPENAI_BASE_URL: z.url().optional(),
  ANTHROPIC_API_KEY: optionalKey,
  ANTHROPIC_BASE_URL: z.url().optional(),
  GOOGLE_GENERATIVE_AI_API_KEY: optionalKey,
  GOOGLE_API_KEY: optionalKey,
  OPENROUTER_API_KEY: optionalKey,
  /** Extra OpenAI-compatible endpoints: `[{"name":"lab","baseURL":"http://gpu:8000/v1"}]`. */
  SWITCHYARD_OPENAI_COMPATIBLE: jsonVar(compatibleSchema).optional(),
  /** Price overrides per model id, USD per million tokens. */
  SWITCHYARD_PRICES: jsonVar(priceSchema).optional(),
  /** Where the CLI keeps memory-node conversations. */
  SWITCHYARD_HOME: z.string().default(".switchyard"),
});

export type Env = z.output<typeof envSchema>;

/** Parses the environment or throws one readable line naming the bad variables (never their values). */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const names = parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join("; ");
  throw new Error(`invalid environment: ${names}`);
}
