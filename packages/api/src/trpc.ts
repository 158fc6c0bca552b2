import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context } from "./context";

/**
 * tRPC setup. Zod errors are flattened so the client can show each message beside its field;
 * unexpected errors are logged on the server and reach the client as a plain sentence, never a stack.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof z.ZodError ? z.flattenError(error.cause) : null;
    const { stack: _stack, ...data } = shape.data;
    // A ZodError's own message is its issues as JSON; a person should read sentences.
    const message = error.cause instanceof z.ZodError ? readableIssues(error.cause) : unexpected(error) ? "Something went wrong on our side; please try again." : shape.message;
    return { ...shape, message, data: { ...data, zodError } };
  },
});

function readableIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message)).join("; ");
}

/** tRPC wraps anything not thrown as a TRPCError and copies its message, which may quote SQL, code or paths. */
function unexpected(error: TRPCError): boolean {
  return error.code === "INTERNAL_SERVER_ERROR" && error.cause !== undefined && error.message === error.cause.message;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Requires a signed-in user; an expired or missing session says so in words. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: ctx.sessionExpired ? "Your session has expired; please sign in again." : "Please sign in.",
    });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});
