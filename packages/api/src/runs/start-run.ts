import { TRPCError } from "@trpc/server";
import { FLOW_LIMITS, resolveRunInputs } from "@switchyard/core";
import sql from "sql-template-tag";
import { rows, type Db } from "@switchyard/db";
import type { ApiServices } from "../services/api-services";
import { subflowProblems } from "../flows/subflow-save";

export interface StartRunRequest {
  flowId: string;
  /** A saved version; the latest when absent. */
  version?: number;
  /** When set (an API key's), a flow of any other workspace is not found. */
  workspaceId?: string;
  inputs: Record<string, unknown>;
  seed?: number;
  budgetUsd?: number;
  userId?: string;
  apiKeyId?: string;
}

/**
 * Validates the flow and inputs, then records the run as queued with its job on the durable queue.
 * Everything the user got wrong is reported before anything is written. The hot path of every
 * run: one query for the flow's head, its version prepared once per process (FlowVersions).
 */
export async function startRun(db: Db, services: ApiServices, request: StartRunRequest): Promise<{ runId: string; version: number }> {
  const [flow] = await rows<{ workspaceId: string; versionId: string | null; version: number }>(
    services.sql,
    sql`SELECT f."workspaceId", v."id" AS "versionId", coalesce(${request.version ?? null}::int, f."latestVersion") AS "version"
      FROM "flow" f LEFT JOIN "flow_version" v ON v."flowId" = f."id" AND v."version" = coalesce(${request.version ?? null}::int, f."latestVersion")
      WHERE f."id" = ${request.flowId} AND f."deletedAt" IS NULL`,
  );
  if (!flow || (request.workspaceId !== undefined && flow.workspaceId !== request.workspaceId)) throw new TRPCError({ code: "NOT_FOUND", message: "Flow not found" });
  if (!flow.versionId) throw new TRPCError({ code: "NOT_FOUND", message: `Version ${flow.version} of this flow not found` });
  const versionNumber = flow.version;

  const inputSize = JSON.stringify(request.inputs).length;
  if (inputSize > FLOW_LIMITS.inputValueChars) {
    throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `The run inputs are ${inputSize} characters; the limit is ${FLOW_LIMITS.inputValueChars}.` });
  }
  const prepared = await services.flowVersions.get(flow.versionId);
  if (!prepared) throw new TRPCError({ code: "NOT_FOUND", message: `Version ${versionNumber} of this flow not found` });
  if (!prepared.ok) {
    const errors = prepared.problems.filter((p) => p.severity === "error");
    throw new TRPCError({ code: "BAD_REQUEST", message: `This flow can't run yet: ${errors.slice(0, 5).map((p) => p.message).join("; ")}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ""}` });
  }
  // Subflows run only what the person (or key) starting the run may read; the worker checks again at every depth.
  const starter = { workspaceId: flow.workspaceId, createdById: request.userId ?? null, apiKeyId: request.apiKeyId ?? null };
  const hidden = await subflowProblems(db, starter, prepared.flow.document);
  if (hidden.length > 0) throw new TRPCError({ code: "BAD_REQUEST", message: `This flow can't run yet: ${hidden.map((p) => p.message).join("; ")}` });
  const inputs = resolveRunInputs(prepared.flow.inputs, request.inputs);
  if (!inputs.ok) throw new TRPCError({ code: "BAD_REQUEST", message: `Bad input: ${inputs.problems.join("; ")}` });

  let runId: string;
  try {
    // The run and its job commit together: nothing is left looking queued with no job behind it.
    runId = await services.runs.create({
      flowId: request.flowId,
      flowVersionId: flow.versionId,
      workspaceId: flow.workspaceId,
      inputs: inputs.values,
      seed: request.seed ?? Math.floor(Math.random() * 2 ** 31),
      ...(request.budgetUsd !== undefined ? { budgetUsd: request.budgetUsd } : {}),
      ...(request.userId ? { createdById: request.userId } : {}),
      ...(request.apiKeyId ? { apiKeyId: request.apiKeyId } : {}),
    });
  } catch (error) {
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The run queue is unavailable; please try again.", cause: error });
  }
  return { runId, version: versionNumber };
}
