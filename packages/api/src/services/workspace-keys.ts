import type { Db } from "@switchyard/db";
import type { CredentialVault } from "./credential-vault";

/** NOTIFY channel: a workspace's provider keys changed (payload: its id); workers forget theirs. */
export const CREDENTIALS_CHANGED_CHANNEL = "switchyard_credentials_changed";

/**
 * A workspace's provider keys, decrypted. Only workers and the key test call this; nothing that
 * reaches a client ever carries the result.
 */
export async function workspaceKeys(db: Db, vault: CredentialVault, workspaceId: string): Promise<Record<string, string>> {
  const rows = await db.providerCredential.findMany({ where: { workspaceId }, select: { id: true, provider: true, ciphertext: true, iv: true, authTag: true } });
  const keys: Record<string, string> = {};
  for (const row of rows) {
    keys[row.provider] = vault.open({ ciphertext: new Uint8Array(row.ciphertext), iv: new Uint8Array(row.iv), authTag: new Uint8Array(row.authTag) }, `${workspaceId}:${row.provider}`);
  }
  return keys;
}
