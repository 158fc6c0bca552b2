import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@switchyard/db";
import { lowerRole, type Role } from "../access-rules";

/**
 * API keys look like `sy_<prefix>_<secret>`. The prefix finds the row and is safe to show; the
 * secret is stored as a SHA-256 hash (keys are 192-bit random, so a slow hash adds nothing).
 */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("base64url");
  const secret = randomBytes(24).toString("base64url");
  return { key: `sy_${prefix}_${secret}`, prefix, hash: hashSecret(secret) };
}

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface ApiKeyPrincipal {
  apiKeyId: string;
  workspaceId: string;
  role: Role;
}

/** How stale a key's "last used" may get before a request writes it again. */
export const LAST_USED_PRECISION_MS = 60_000;

/**
 * What a key grants now: its workspace, and its role narrowed to its creator's current role there.
 * A key is worth no more than the person who made it; once they leave, it grants nothing.
 */
async function grantOf(db: Db, key: { id: string; workspaceId: string; role: Role; createdById: string }): Promise<ApiKeyPrincipal | undefined> {
  const creator = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: key.workspaceId, userId: key.createdById } }, select: { role: true } });
  if (!creator) return undefined;
  return { apiKeyId: key.id, workspaceId: key.workspaceId, role: lowerRole(key.role, creator.role) };
}

/** The workspace and role an API key grants, or undefined for a wrong, unknown or revoked key, or one whose creator left. */
export async function verifyApiKey(db: Db, presented: string): Promise<ApiKeyPrincipal | undefined> {
  const match = /^sy_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{32})$/.exec(presented.trim());
  if (!match) return undefined;
  const row = await db.apiKey.findUnique({
    where: { prefix: match[1]! },
    select: { id: true, workspaceId: true, role: true, createdById: true, hash: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return undefined;
  const expected = Buffer.from(row.hash, "hex");
  const actual = Buffer.from(hashSecret(match[2]!), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  const grant = await grantOf(db, row);
  if (!grant) return undefined;
  // "Last used" is shown to the minute: a busy key (every run is a POST and an event stream) would
  // otherwise write its row on every request.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return grant;
}

/** What a key (known by id, say from a run or an open stream) grants now; undefined once revoked or its creator left. */
export async function apiKeyGrant(db: Db, apiKeyId: string): Promise<ApiKeyPrincipal | undefined> {
  const row = await db.apiKey.findFirst({ where: { id: apiKeyId, revokedAt: null }, select: { id: true, workspaceId: true, role: true, createdById: true } });
  return row ? grantOf(db, row) : undefined;
}
