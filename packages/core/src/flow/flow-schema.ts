import { z } from "zod";
import { FLOW_LIMITS } from "./limits";

export const FLOW_FORMAT = "switchyard.flow/v1";

/** Node and edge ids: short, safe in templates, URLs and CSS. */
export const idSchema = z
  .string()
  .min(1)
  .max(FLOW_LIMITS.idChars)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "must start with a letter and use only letters, digits, '-' or '_'");

export const inputTypeSchema = z.enum(["string", "number", "boolean", "json"]);

export const flowInputSchema = z
  .object({
    name: idSchema,
    type: inputTypeSchema.default("string"),
    description: z.string().max(FLOW_LIMITS.textChars).optional(),
    default: z.unknown().optional(),
    required: z.boolean().optional(),
  })
  .strict();

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

export const flowNodeSchema = z
  .object({
    id: idSchema,
    type: z.string().min(1).max(64),
    position: positionSchema.optional(),
    /** Node-type specific; validated against the node type's own schema. */
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const fallbackTriggerSchema = z.enum(["error", "timeout", "low_confidence"]);

export const flowEdgeSchema = z
  .object({
    id: idSchema.optional(),
    source: idSchema,
    sourceHandle: z.string().min(1).max(FLOW_LIMITS.idChars).optional(),
    target: idSchema,
    targetHandle: z.string().min(1).max(FLOW_LIMITS.idChars).optional(),
    kind: z.enum(["data", "fallback"]).default("data"),
    /** Fallback triggers; defaults to error and timeout. */
    on: z.array(fallbackTriggerSchema).min(1).optional(),
    /** Confidence below which a `low_confidence` fallback is taken. */
    threshold: z.number().min(0).max(1).optional(),
  })
  .strict();

export const flowSettingsSchema = z
  .object({
    /** Stop the run before a call that would push its cost past this (USD). */
    budgetUsd: z.number().positive().optional(),
    /** Most model calls in flight at once; unlimited by default. */
    maxConcurrency: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const flowDocumentSchema = z
  .object({
    format: z.literal(FLOW_FORMAT),
    name: z.string().min(1).max(FLOW_LIMITS.nameChars),
    description: z.string().max(FLOW_LIMITS.textChars).optional(),
    inputs: z.array(flowInputSchema).max(FLOW_LIMITS.inputs).default([]),
    nodes: z.array(flowNodeSchema).max(FLOW_LIMITS.nodes),
    edges: z.array(flowEdgeSchema).max(FLOW_LIMITS.edges).default([]),
    settings: flowSettingsSchema.optional(),
  })
  .strict();

/** A flow document as parsed (defaults applied). */
export type FlowDocument = z.infer<typeof flowDocumentSchema>;
/** A flow document as written by hand (defaults optional). */
export type FlowDocumentInput = z.input<typeof flowDocumentSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type FlowInput = z.infer<typeof flowInputSchema>;
export type FallbackTrigger = z.infer<typeof fallbackTriggerSchema>;

/** The id an edge gets when the file leaves it out: stable, so events and UI can refer to it. */
export function edgeId(edge: Pick<FlowEdge, "id" | "source" | "sourceHandle" | "target" | "kind">, index: number): string {
  return edge.id ?? `e${index}-${edge.source}${edge.sourceHandle ? `.${edge.sourceHandle}` : ""}-${edge.target}`;
}
