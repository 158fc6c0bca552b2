import { TRPCError } from "@trpc/server";
import type { Db } from "@switchyard/db";
import { requireFlowWorkspaceRole } from "../access";
import { writeAudit } from "../audit/audit-log";
import { hashLinkToken, LINK_TOKEN_PATTERN, newLinkToken } from "../auth/tokens";
import type { SessionUser } from "../context";
import { linkShareSelect } from "./user-shares";

const invalidLink = () => new TRPCError({ code: "NOT_FOUND", message: "This link is not valid or has been revoked." });

/** A read-only link to a flow. The token is returned once; only its hash is stored. */
export async function createLink(db: Db, actor: SessionUser, flowId: string) {
  const { workspaceId } = await requireFlowWorkspaceRole(db, actor.id, flowId, "editor", "share it");
  const { token, hash } = newLinkToken();
  const link = await db.$transaction(async (tx) => {
    const created = await tx.flowShare.create({ data: { flowId, linkTokenHash: hash, role: "viewer", createdById: actor.id }, select: linkShareSelect });
    await writeAudit(tx, { workspaceId, actorId: actor.id, action: "link.created", target: created.id, details: { flowId } });
    return created;
  });
  return { ...link, token, path: `/shared/${token}` };
}

export async function revokeLink(db: Db, actor: SessionUser, shareId: string) {
  const link = await db.flowShare.findFirst({ where: { id: shareId, linkTokenHash: { not: null }, revokedAt: null }, select: { flowId: true } });
  if (!link) throw new TRPCError({ code: "NOT_FOUND", message: "Link not found" });
  const { workspaceId } = await requireFlowWorkspaceRole(db, actor.id, link.flowId, "editor", "share it").catch((error: unknown) => {
    throw error instanceof TRPCError && error.code === "NOT_FOUND" ? new TRPCError({ code: "NOT_FOUND", message: "Link not found" }) : error;
  });
  await db.$transaction(async (tx) => {
    const revoked = await tx.flowShare.updateMany({ where: { id: shareId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) throw new TRPCError({ code: "NOT_FOUND", message: "Link not found" });
    await writeAudit(tx, { workspaceId, actorId: actor.id, action: "link.revoked", target: shareId, details: { flowId: link.flowId } });
  });
  return { id: shareId };
}

/** The live flow a link token opens, or undefined (unknown token, revoked link, deleted flow). */
export async function flowIdForLink(db: Db, token: string): Promise<string | undefined> {
  if (!LINK_TOKEN_PATTERN.test(token)) return undefined;
  const share = await db.flowShare.findFirst({
    where: { linkTokenHash: hashLinkToken(token), revokedAt: null, flow: { deletedAt: null } },
    select: { flowId: true },
  });
  return share?.flowId;
}

/** A flow as a link shows it: name and latest document, read-only. */
export async function openLink(db: Db, token: string) {
  const flowId = await flowIdForLink(db, token);
  if (!flowId) throw invalidLink();
  const flow = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { id: true, name: true, description: true, latestVersion: true, updatedAt: true } });
  const version = await db.flowVersion.findUniqueOrThrow({ where: { flowId_version: { flowId, version: flow.latestVersion } }, select: { version: true, document: true } });
  return { flowId: flow.id, name: flow.name, description: flow.description, updatedAt: flow.updatedAt, version: version.version, document: version.document, role: "viewer" as const };
}
