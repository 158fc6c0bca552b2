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
 * What is wrong with a value the database cannot store (U+0000, an unpaired surrogate, in a
 * string or a key) or one nested deeper than MAX_INPUT_DEPTH, as a sentence naming the field;
 * undefined when it is fine. `what` prefixes the path ("inputs" gives "inputs.question contains …").
 */
export function unstorableMessage(value: unknown, what = ""): string | undefined {
  const problem = findUnstorable(value, { maxDepth: MAX_INPUT_DEPTH, path: what });
  if (!problem) return undefined;
  return `${problem.path ? printable(problem.path) : "The input"} ${problem.message}.`;
}

/** Refuses such a value with a BAD_REQUEST that names the field. */
export function assertStorable(value: unknown, what = ""): void {
  const message = unstorableMessage(value, what);
  if (message) throw new TRPCError({ code: "BAD_REQUEST", message });
}
