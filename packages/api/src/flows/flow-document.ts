import { TRPCError } from "@trpc/server";
import { FLOW_LIMITS, flowDocumentSchema, migrateFlowDocument, validateFlow, type FlowDocument, type ValidationProblem } from "@switchyard/core";

/**
 * A document fit to save. Structure, sizes and the format must be right (or the save is refused
 * with every problem named); graph problems such as an unwired port are kept as a draft's
 * problems, because people save work in progress. Runs demand a fully valid flow.
 */
export function documentForSave(raw: unknown): { document: FlowDocument; problems: ValidationProblem[] } {
  const size = JSON.stringify(raw ?? null).length;
  if (size > FLOW_LIMITS.documentBytes) {
    throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `The flow is ${(size / 1e6).toFixed(1)} MB; the limit is ${FLOW_LIMITS.documentBytes / 1e6} MB.` });
  }
  const migrated = migrateFlowDocument(raw);
  if (!migrated.ok) throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid flow: ${migrated.message}` });
  const parsed = flowDocumentSchema.safeParse(migrated.document);
  const { problems } = validateFlow(migrated.document);
  if (!parsed.success) {
    const structural = problems.filter((p) => p.code === "invalid-value" || p.code === "invalid-format").slice(0, 20);
    throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid flow: ${structural.map((p) => p.message).join("; ") || parsed.error.message}` });
  }
  return { document: parsed.data, problems };
}
