import { createHash } from "node:crypto";
import type { Db } from "@switchyard/db";
import { apiKeyPrincipal, type AccessChanges } from "../services/access-changes";
import { verifyApiKey, type ApiKeyPrincipal } from "./api-keys";

interface Remembered {
  grant: ApiKeyPrincipal;
  until: number;
}

/**
 * API keys as REST requests present them, verified against the database once and then remembered
 * for a few seconds, so a program making many requests costs one lookup per key, not two queries
 * per request. Anything that narrows a key (revoked, its role lowered, its creator removed) is
 * announced through AccessChanges, which makes every process forget the key at once; the time
 * limit is the safety net for an announcement missed. Remembered by a hash, never the key itself.
 */
export class ApiKeyCache {
  private readonly remembered = new Map<string, Remembered>();
  private readonly watching = new Map<string, Promise<() => void>>();

  constructor(
    private readonly db: Db,
    private readonly accessChanges: AccessChanges,
    private readonly ttlMs = 10_000,
    private readonly limit = 10_000,
  ) {}

  async verify(presented: string): Promise<ApiKeyPrincipal | undefined> {
    const id = createHash("sha256").update(presented).digest("base64url");
    const known = this.remembered.get(id);
    if (known && known.until > Date.now()) return known.grant;
    const grant = await verifyApiKey(this.db, presented);
    if (!grant) {
      this.remembered.delete(id);
      return undefined;
    }
    await this.watch(grant.apiKeyId);
    if (this.remembered.size >= this.limit) this.remembered.clear();
    this.remembered.set(id, { grant, until: Date.now() + this.ttlMs });
    return grant;
  }

  /** Forgets every presentation of a key as soon as a change to its access is announced. */
  private watch(apiKeyId: string): Promise<unknown> {
    let watching = this.watching.get(apiKeyId);
    if (!watching) {
      watching = this.accessChanges.subscribe(apiKeyPrincipal(apiKeyId), () => {
        for (const [id, entry] of this.remembered) if (entry.grant.apiKeyId === apiKeyId) this.remembered.delete(id);
      });
      this.watching.set(apiKeyId, watching);
    }
    return watching;
  }
}
