/**
 * Size limits of a flow document. They keep a hostile or accidental file (10 MB of prompt, 100k
 * nodes) from exhausting the engine or the database; hosts may apply stricter ones.
 */
export const FLOW_LIMITS = {
  /** Serialized document size, in bytes. */
  documentBytes: 2_000_000,
  nodes: 1000,
  edges: 4000,
  /** Any single text field (prompt, system, constant). */
  textChars: 200_000,
  nameChars: 200,
  idChars: 64,
  inputs: 100,
  /** Nesting of arrays and objects in a document or an input (the root is level 1): deeper would overflow the stack of JSON.stringify and zod. */
  depth: 64,
  /** A single run input value, serialized. */
  inputValueChars: 1_000_000,
} as const;
