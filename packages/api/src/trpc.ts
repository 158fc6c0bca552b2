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
    return { ...shape, data: { ...data, zodError } };
  },
});

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
