import { FLOW_LIMITS } from "@switchyard/core";

/** The subset of JSON Schema (draft 2020-12) that zod's `toJSONSchema` emits for node data. */
export interface JsonSchema {
  type?: "string" | "number" | "integer" | "boolean" | "object" | "array";
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: (string | number)[];
  const?: string | number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
}

/** How a field is edited. Derived from its schema, so new node types get forms for free. */
export type FieldKind =
  | { kind: "model" }
  | { kind: "template" }
  | { kind: "text"; multiline: boolean }
  | { kind: "number"; integer: boolean; min?: number; max?: number }
  | { kind: "boolean" }
  | { kind: "choice"; options: (string | number)[] }
  | { kind: "object"; schema: JsonSchema }
  | { kind: "variant"; discriminator: string; variants: JsonSchema[] }
  | { kind: "objectList"; item: JsonSchema }
  | { kind: "stringList" }
  | { kind: "stringOrList" }
  | { kind: "record"; value: JsonSchema }
  | { kind: "json" };

/** Core's model id pattern (`provider:model`); a string with it gets the model picker. */
const MODEL_PATTERN = "^[a-z][a-z0-9-]*:\\S+$";

/** Largest bound worth showing; zod writes MAX_SAFE_INTEGER for "no maximum". */
const MAX_SHOWN_BOUND = 1e12;

export function isJsonSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function fieldKind(schema: JsonSchema): FieldKind {
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return variantKind(variants);
  if (schema.enum) return { kind: "choice", options: schema.enum };
  switch (schema.type) {
    case "string":
      if (schema.pattern === MODEL_PATTERN) return { kind: "model" };
      if (schema.maxLength === FLOW_LIMITS.textChars) return { kind: "template" };
      return { kind: "text", multiline: (schema.maxLength ?? 0) > 1000 };
    case "number":
    case "integer":
      return {
        kind: "number",
        integer: schema.type === "integer",
        ...(schema.minimum !== undefined && Math.abs(schema.minimum) < MAX_SHOWN_BOUND ? { min: schema.minimum } : {}),
        ...(schema.maximum !== undefined && schema.maximum < MAX_SHOWN_BOUND ? { max: schema.maximum } : {}),
      };
    case "boolean":
      return { kind: "boolean" };
    case "array":
      if (schema.items?.type === "object") return { kind: "objectList", item: schema.items };
      if (schema.items?.type === "string") return { kind: "stringList" };
      return { kind: "json" };
    case "object":
      if (schema.properties) return { kind: "object", schema };
      if (isJsonSchema(schema.additionalProperties)) return { kind: "record", value: schema.additionalProperties };
      return { kind: "json" };
    default:
      return { kind: "json" };
  }
}

function variantKind(variants: JsonSchema[]): FieldKind {
  if (variants.every((v) => v.const !== undefined)) return { kind: "choice", options: variants.map((v) => v.const as string | number) };
  const types = variants.map((v) => v.type);
  if (variants.length === 2 && types.includes("string") && variants.some((v) => v.type === "array" && v.items?.type === "string")) {
    return { kind: "stringOrList" };
  }
  const discriminator = variants[0]?.properties ? Object.keys(variants[0].properties).find((key) => variants.every((v) => v.properties?.[key]?.const !== undefined)) : undefined;
  return discriminator ? { kind: "variant", discriminator, variants } : { kind: "json" };
}

/** A new list entry: required string fields filled (names numbered so they stay unique). */
export function newListItem(item: JsonSchema, index: number, prefix: string): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const key of item.required ?? []) {
    const field = item.properties?.[key];
    if (field?.type === "string") entry[key] = key === "name" ? `${prefix}${index + 1}` : "";
  }
  return entry;
}
