import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface SealedSecret {
  ciphertext: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  authTag: Uint8Array<ArrayBuffer>;
}

/**
 * Provider keys at rest: AES-256-GCM with a fresh 96-bit IV per secret. `workspaceId:provider`
 * is bound as associated data, so a ciphertext copied onto another workspace's row does not decrypt.
 */
export class CredentialVault {
  private readonly key: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new Error("the credential key must be 32 bytes (AES-256)");
    this.key = Buffer.from(key);
  }

  seal(plaintext: string, boundTo: string): SealedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(boundTo));
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return { ciphertext: new Uint8Array(ciphertext), iv: new Uint8Array(iv), authTag: new Uint8Array(cipher.getAuthTag()) };
  }

  open(sealed: SealedSecret, boundTo: string): string {
    const decipher = createDecipheriv("aes-256-gcm", this.key, sealed.iv);
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString("utf8");
  }
}

/** The last characters of a key, enough for a person to tell keys apart. */
export function keyHint(key: string): string {
  return key.length <= 8 ? "…" : `…${key.slice(-4)}`;
}
