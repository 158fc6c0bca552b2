import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A secret from configuration, or else one generated once into the data directory (mode 0600),
 * with a warning: fine for one machine, but every server and worker must share it.
 */
export async function loadOrCreateSecret(configured: string | undefined, dataDir: string, file: string, bytes: number, log: (m: string) => void): Promise<Buffer> {
  if (configured) return Buffer.from(configured, "base64");
  const target = path.join(dataDir, file);
  try {
    return Buffer.from((await readFile(target, "utf8")).trim(), "base64");
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomBytes(bytes);
    await writeFile(target, secret.toString("base64"), { mode: 0o600 });
    log(`warning: generated ${target}; set it in the environment (base64) to share it between machines, and keep it safe`);
    return secret;
  }
}
