import { createHash, randomBytes } from "node:crypto";

/**
 * Bearer tokens in links (invitations, read-only flow links): 256 random bits, shown once; only
 * a SHA-256 of them is stored, so a database dump opens nothing. A slow hash would add nothing
 * to a 256-bit secret.
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The shape of a token we issued; anything else is refused before it reaches the database. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
