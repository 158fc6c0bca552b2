import { TRPCError } from "@trpc/server";
import type { Db } from "@switchyard/db";
import { apiKeyPrincipal, userPrincipal, type Principal } from "../services/access-changes";
import type { ApiServices } from "../services/api-services";
import { lockWorkspace } from "./lock-workspace";

/**
 * Deletes a team workspace and everything in it (owners only, checked by the caller), once the
 * caller has typed its name. One statement in one transaction: the foreign keys cascade from the
 * workspace to its members, invitations, flows (with versions, shares and runs, whose events and
 * node results go with them), credentials, API keys, memory and audit log, so nothing is left
 * half-deleted. Afterwards the workers holding its runs are told to stop, and everyone who could
 * watch its runs is told their access changed, so their live streams end.
 */
export async function deleteWorkspace(db: Db, services: Pick<ApiServices, "runs" | "accessChanges">, input: { workspaceId: string; confirmName: string }) {
  const { name, inFlight, principals } = await db.$transaction(async (tx) => {
    const workspace = await lockWorkspace(tx, input.workspaceId);
    if (workspace.personal) throw new TRPCError({ code: "BAD_REQUEST", message: "A personal workspace can't be deleted; you can rename it or delete its flows." });
    if (input.confirmName !== workspace.name) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `Type the workspace's name exactly as it is (“${workspace.name}”) to delete it.` });
    }
    // Read under the lock: a run, member or key added meanwhile waits for this transaction and then fails.
    const where = { workspaceId: input.workspaceId };
    const runs = await tx.run.findMany({ where: { ...where, status: { in: ["queued", "running"] } }, select: { id: true } });
    const members = await tx.membership.findMany({ where, select: { userId: true } });
    const sharedWith = await tx.flowShare.findMany({ where: { flow: where, userId: { not: null }, revokedAt: null }, select: { userId: true } });
    const keys = await tx.apiKey.findMany({ where: { ...where, revokedAt: null }, select: { id: true } });
    await tx.workspace.delete({ where: { id: input.workspaceId }, select: { id: true } });
    const principals: Principal[] = [
      ...members.map((m) => userPrincipal(m.userId)),
      ...sharedWith.flatMap((s) => (s.userId ? [userPrincipal(s.userId)] : [])),
      ...keys.map((k) => apiKeyPrincipal(k.id)),
    ];
    return { name: workspace.name, inFlight: runs.map((r) => r.id), principals };
  });
  // Only after the commit: had the delete failed, its runs would have to go on.
  await services.runs.abortHeld(inFlight);
  await services.accessChanges.publish(principals);
  return { id: input.workspaceId, name, cancelledRuns: inFlight.length };
}
