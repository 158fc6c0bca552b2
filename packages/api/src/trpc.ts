import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { FLOW_LIMITS } from "@switchyard/core";
import type { Context } from "./context";
import { assertStorable } from "./input/storable-input";

/**
 * tRPC setup. Zod errors are flattened so the client can show each message beside its field;
 * unexpected errors are logged on the server and reach the client as a plain sentence, never a stack.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof z.ZodError ? z.flattenError(error.cause) : null;
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message: clientMessage(error), data: { ...data, zodError } };
  },
});

/** What the client reads of an error: zod issues as sentences, never an unexpected error's own words. */
export function clientMessage(error: TRPCError): string {
  // A ZodError's own message is its issues as JSON; a person should read sentences.
  if (error.cause instanceof z.ZodError) return readableIssues(error.cause);
  // The HTTP adapter refuses an oversized body with its code as the only words.
  if (error.code === "PAYLOAD_TOO_LARGE" && error.message === error.code) {
    return `The request is too large: the server accepts a flow document of up to ${FLOW_LIMITS.documentBytes / 1e6} MB.`;
  }
  return unexpected(error) ? "Something went wrong on our side; please try again." : error.message;
}

function readableIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message)).join("; ");
}

/** tRPC wraps anything not thrown as a TRPCError and copies its message, which may quote SQL, code or paths. */
function unexpected(error: TRPCError): boolean {
  return error.code === "INTERNAL_SERVER_ERROR" && error.cause !== undefined && error.message === error.cause.message;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every input is checked before anything parses or stores it: a NUL, a lone surrogate or hostile
 * nesting is refused by name here, not met later as a zod stack overflow or a Postgres error.
 */
export const publicProcedure = t.procedure.use(async ({ getRawInput, next }) => {
  assertStorable(await getRawInput());
  return next();
});

/** Requires a signed-in user; an expired or missing session says so in words. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: ctx.sessionExpired ? "Your session has expired; please sign in again." : "Please sign in.",
    });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});
