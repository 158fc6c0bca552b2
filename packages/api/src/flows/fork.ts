import { TRPCError } from "@trpc/server";
import type { Db, Prisma } from "@switchyard/db";
import { flowAccess, requireWorkspaceRole } from "../access";
import { writeAudit } from "../audit/audit-log";
import type { SessionUser } from "../context";
import { flowIdForLink } from "../sharing/links";
import { documentForSave } from "./flow-document";
import { subflowProblems } from "./subflow-save";
import type { ValidationProblem } from "@switchyard/core";

export interface ForkRequest {
  flowId: string;
  /** Where the copy goes; the caller must be an editor or owner there. */
  workspaceId: string;
  /** A read-only link's token, for someone who sees the flow only through that link. */
  linkToken?: string | undefined;
  name?: string | undefined;
}

/**
 * Copies a flow's latest version into a workspace as a new flow (version 1), remembering where
 * it came from. Anyone who can see the flow may fork it: by role, by a share, or by a link.
 */
export async function forkFlow(db: Db, user: SessionUser, request: ForkRequest): Promise<{ id: string; version: number; problems: ValidationProblem[] }> {
  const byLink = request.linkToken !== undefined && (await flowIdForLink(db, request.linkToken)) === request.flowId;
  if (!byLink && !(await flowAccess(db, user.id, request.flowId))) throw new TRPCError({ code: "NOT_FOUND", message: "Flow not found" });
  await requireWorkspaceRole(db, user.id, request.workspaceId, "editor");

  const source = await db.flow.findUniqueOrThrow({ where: { id: request.flowId }, select: { name: true, latestVersion: true } });
  const head = await db.flowVersion.findUniqueOrThrow({ where: { flowId_version: { flowId: request.flowId, version: source.latestVersion } }, select: { document: true } });
  const name = request.name ?? source.name;
  const { document } = documentForSave({ ...(head.document as Record<string, unknown>), name });
  // Subflows the new owner could not run (hidden from them, or left behind in the old workspace) are the fork's problems.
  const problems = await subflowProblems(db, { workspaceId: request.workspaceId, createdById: user.id, apiKeyId: null }, document);

  const id = await db.$transaction(async (tx) => {
    const fork = await tx.flow.create({
      data: { workspaceId: request.workspaceId, name, description: document.description ?? null, createdById: user.id, latestVersion: 1, forkedFromId: request.flowId },
      select: { id: true },
    });
    await tx.flowVersion.create({ data: { flowId: fork.id, version: 1, document: document as Prisma.InputJsonValue, createdById: user.id, message: `Forked from ${source.name}` } });
    await writeAudit(tx, { workspaceId: request.workspaceId, actorId: user.id, action: "flow.forked", target: fork.id, details: { fromFlowId: request.flowId, name } });
    return fork.id;
  });
  return { id, version: 1, problems };
}
