import { z } from "zod";

/** Options of a `sim:*` model, set per node in `model.data.sim` (see DESIGN.md). */
export const simOptionsSchema = z
  .object({
    /** A reply, or replies of which one is picked deterministically from the run seed. */
    reply: z.union([z.string().max(100_000), z.array(z.string().max(100_000)).min(1).max(100)]).optional(),
    /** Time to first token. */
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    /** Streaming speed after the first token; 0 streams the whole reply at once. */
    tokensPerSecond: z.number().min(0).max(100_000).optional(),
    /** Fail this many attempts before succeeding. */
    failFirst: z.number().int().min(0).max(1000).optional(),
    /** How the failing attempts fail; "timeout" hangs until the node's timeout. */
    failWith: z.union([z.literal(429), z.literal(500), z.literal("timeout")]).optional(),
    /** Fail every attempt. */
    alwaysFail: z.boolean().optional(),
    /** Self-reported confidence in [0,1], appended as "Confidence: N%" and shaping logprobs. */
    confidence: z.number().min(0).max(1).optional(),
    /** Price in USD per million tokens. */
    pricePerMTok: z.object({ input: z.number().min(0), output: z.number().min(0) }).optional(),
    /** Retry-After (seconds) sent with a simulated 429. */
    retryAfterSeconds: z.number().min(0).max(600).optional(),
  })
  .strict();

export type SimOptions = z.infer<typeof simOptionsSchema>;
