import { TRPCError } from "@trpc/server";
import { findUnstorable, storableText } from "@switchyard/core";

/**
 * Deepest nesting accepted in any request (the body itself is level 1). A flow document needs
 * about ten; the limit stops hostile depth before JSON.stringify, zod or Prisma recurse into it.
 */
export const MAX_INPUT_DEPTH = 64;

/** Paths are quoted in messages: long or unprintable keys are shortened and made printable. */
function printable(path: string): string {
  const { text } = storableText(path);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * Refuses, with a BAD_REQUEST naming the field, a value the database cannot store (U+0000, an
 * unpaired surrogate, in a string or a key) or one nested deeper than MAX_INPUT_DEPTH. `what`
 * prefixes the path in the message ("inputs" gives "inputs.question contains U+0000 …").
 */
export function assertStorable(value: unknown, what = ""): void {
  const problem = findUnstorable(value, { maxDepth: MAX_INPUT_DEPTH, path: what });
  if (!problem) return;
  const subject = problem.path ? printable(problem.path) : "The input";
  throw new TRPCError({ code: "BAD_REQUEST", message: `${subject} ${problem.message}.` });
}
