import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@switchyard/db";
import type { Role } from "../access";

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

/** The workspace and role an API key grants, or undefined for a wrong, unknown or revoked key. */
export async function verifyApiKey(db: Db, presented: string): Promise<ApiKeyPrincipal | undefined> {
  const match = /^sy_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{32})$/.exec(presented.trim());
  if (!match) return undefined;
  const row = await db.apiKey.findUnique({ where: { prefix: match[1]! }, select: { id: true, workspaceId: true, role: true, hash: true, revokedAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt) return undefined;
  const expected = Buffer.from(row.hash, "hex");
  const actual = Buffer.from(hashSecret(match[2]!), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  // "Last used" is shown to the minute: a busy key (every run is a POST and an event stream) would
  // otherwise write its row on every request.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return { apiKeyId: row.id, workspaceId: row.workspaceId, role: row.role };
}
