import { TRPCError } from "@trpc/server";
import type { FlowDocument } from "@switchyard/core";
import type { Db } from "@switchyard/db";
import { flowAccess } from "../access-rules";
import { subflowRefs } from "./subflow-access";

/** Refuses to save a document whose subflow nodes name a flow the saver cannot read (or that does not exist). */
export async function assertSubflowsReadable(db: Db, userId: string, document: FlowDocument): Promise<void> {
  for (const { nodeId, flow } of subflowRefs(document)) {
    if (await flowAccess(db, userId, flow)) continue;
    throw new TRPCError({ code: "BAD_REQUEST", message: `Subflow node '${nodeId}' names flow '${flow}', which does not exist or you cannot read.` });
  }
}
