import { randomBytes } from "node:crypto";

/**
 * A new run id in the shape Prisma's cuid() gives the other tables (25 lowercase characters
 * starting with "c", the time first so ids sort roughly by creation).
 */
export function newRunId(): string {
  const random = BigInt(`0x${randomBytes(10).toString("hex")}`).toString(36).padStart(16, "0").slice(-16);
  return `c${Date.now().toString(36).padStart(8, "0")}${random}`;
}
