import type { z } from "zod";
import { problem, type ValidationProblem } from "./problems";

/** Turns zod issues into problems that name the node or edge they are in. */
export function zodProblems(error: z.ZodError, raw: unknown, prefix: (string | number)[] = []): ValidationProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const where = locate(raw, path);
    const field = path.slice(where.depth).join(".");
    const subject = where.nodeId ? `node '${where.nodeId}'` : where.edgeId !== undefined ? `edge '${where.edgeId}'` : "flow";
    const message = `${subject}${field ? `: ${field}` : ""}: ${issue.message}`;
    return problem("invalid-value", message, { path: path.join("."), ...(where.nodeId ? { nodeId: where.nodeId } : {}), ...(where.edgeId !== undefined ? { edgeId: where.edgeId } : {}) });
  });
}

function locate(raw: unknown, path: (string | number)[]): { nodeId?: string; edgeId?: string; depth: number } {
  const [list, index] = path;
  if (typeof index !== "number" || (list !== "nodes" && list !== "edges")) return { depth: 0 };
  const item = (raw as Record<string, unknown[]> | undefined)?.[list]?.[index] as Record<string, unknown> | undefined;
  const id = typeof item?.id === "string" ? item.id : `#${index}`;
  return list === "nodes" ? { nodeId: id, depth: 2 } : { edgeId: typeof item?.id === "string" ? item.id : `#${index}`, depth: 2 };
}
