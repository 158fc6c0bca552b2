import { TRPCError } from "@trpc/server";

/** Longest reason the log keeps of one error. */
const MAX_REASON_CHARS = 300;

/**
 * One line about an unexpected error, for the server log: its kind and its reason, never a stack,
 * a multi-line dump or the values it was about. Prisma's messages quote the call and its
 * arguments (user text, hashes, ciphertext) and end with the reason: only that last line is kept.
 */
export function errorLine(error: unknown): string {
  if (error instanceof TRPCError && error.cause && error.cause.message !== error.message) {
    // A deliberate message on top of a failure: both say something ("queue unavailable: ECONNREFUSED").
    return `${reasonOf(error.message)} (${errorLine(error.cause)})`;
  }
  if (error instanceof TRPCError && error.cause) return errorLine(error.cause);
  if (!(error instanceof Error)) return `thrown ${typeof error}`;
  const code = (error as { code?: unknown }).code;
  const kind = `${error.name}${typeof code === "string" ? ` ${code}` : ""}`;
  const lines = error.message.split("\n").map((line) => line.trim()).filter(Boolean);
  const reason = error.name.startsWith("PrismaClient") ? lines.at(-1) : lines[0];
  return `${kind}: ${reasonOf(reason ?? "(no message)")}`;
}

function reasonOf(text: string): string {
  const printable = text.replace(/[\u0000-\u001f\u007f]/g, " ");
  return printable.length > MAX_REASON_CHARS ? `${printable.slice(0, MAX_REASON_CHARS)}…` : printable;
}
