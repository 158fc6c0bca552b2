import { FLOW_LIMITS } from "../flow/limits";
import { findUnstorable, storableText } from "../util/storable-text";
import { problem, type ValidationProblem } from "./problems";

/** Path segments shown in a message; the rest of a 64-level path is an ellipsis. */
const SHOWN_SEGMENTS = 6;

/**
 * The document's nesting and text, checked before any schema sees it: zod and JSON.stringify
 * recurse (a 100,000-level document overflows the stack), and Postgres refuses U+0000 and unpaired
 * surrogates. `fatal` when the document is too deep to parse at all.
 */
export function checkStorable(raw: unknown): { problem: ValidationProblem; fatal: boolean } | undefined {
  const found = findUnstorable(raw, { maxDepth: FLOW_LIMITS.depth });
  if (!found) return undefined;
  const segments = found.path === "" ? [] : found.path.split(".");
  const nodeId = nodeIdAt(raw, segments);
  const at = { path: shorten(segments), ...(nodeId ? { nodeId } : {}) };
  if (found.kind === "depth") {
    return { problem: problem("too-deep", `the flow is nested more than ${FLOW_LIMITS.depth} levels deep at ${at.path}`, at), fatal: true };
  }
  const where = nodeId ? `node '${nodeId}': ${shorten(segments.slice(2)) || "its id"}` : at.path || "the flow";
  return { problem: problem("unstorable-text", `${where} ${found.message}`, at), fatal: false };
}

/** A path for a message: storable, and at most a few segments long. */
function shorten(segments: readonly string[]): string {
  const shown = storableText(segments.slice(0, SHOWN_SEGMENTS).join(".")).text;
  return segments.length > SHOWN_SEGMENTS ? `${shown}…` : shown;
}

/** The id of the node a path points into (`nodes.3.…`), when it is a storable string. */
function nodeIdAt(raw: unknown, segments: readonly string[]): string | undefined {
  if (segments[0] !== "nodes" || segments[1] === undefined) return undefined;
  const nodes = (raw as { nodes?: unknown }).nodes;
  const node: unknown = Array.isArray(nodes) ? nodes[Number(segments[1])] : undefined;
  const id = (node as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" && storableText(id).replaced === 0 && id.length <= FLOW_LIMITS.idChars ? id : undefined;
}
