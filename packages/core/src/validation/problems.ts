import { isStorable, storableText } from "../util/storable-text";

/** One thing wrong with a flow, pinned to the node or edge it belongs to. */
export interface ValidationProblem {
  severity: "error" | "warning";
  /** Stable machine-readable kind, e.g. `unknown-node-type`, `cycle`, `dangling-edge`. */
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Path inside the document, e.g. `nodes.3.data.prompt`. */
  path?: string;
}

export function problem(
  code: string,
  message: string,
  at: { nodeId?: string; edgeId?: string; path?: string; severity?: "error" | "warning" } = {},
): ValidationProblem {
  const { severity = "error", ...where } = at;
  return { severity, code, message, ...where };
}

/** `p` with every text field storable (U+0000 and unpaired surrogates replaced), as quoted user text may not be. */
export function storableProblem(p: ValidationProblem): ValidationProblem {
  const fields = [p.message, p.nodeId, p.edgeId, p.path];
  if (fields.every((f) => f === undefined || isStorable(f))) return p;
  const repaired: ValidationProblem = { ...p, message: storableText(p.message).text };
  for (const key of ["nodeId", "edgeId", "path"] as const) {
    const value = p[key];
    if (value !== undefined) repaired[key] = storableText(value).text;
  }
  return repaired;
}
