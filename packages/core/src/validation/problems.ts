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
