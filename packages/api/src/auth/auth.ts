import { hash, verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import type { Db } from "@switchyard/db";
import { retryAfterText, type RateLimiter } from "../services/rate-limiter";
import type { PgRateLimitStore } from "../services/pg-rate-limiter";
import { ensurePersonalWorkspace } from "./personal-workspace";
import { authInputProblem } from "./auth-input";

/** Header carrying the connecting client's address to better-auth. */
export const CLIENT_IP_HEADER = "x-switchyard-client-ip";

export interface AuthOptions {
  db: Db;
  /** Signs session cookies; at least 32 random characters. */
  secret: string;
  /** The public origin, e.g. http://localhost:3000. */
  baseURL: string;
  /** Off in tests that sign in many times from one address. */
  rateLimit?: boolean;
  /** Sign-ups allowed per minute from one address (a classroom behind one NAT needs more). */
  signUpsPerMinute?: number;
  /** Where every limit here is counted (shared by all processes on the database); one on `db` unless given. */
  rateLimitStore: PgRateLimitStore;
  /** Failed sign-ins allowed per account; 10 in 15 minutes unless given. */
  signInFailures?: RateLimiter;
}

const SIGN_IN = "/sign-in/email";

function emailOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : undefined;
}

/** Passwords are hashed with argon2id (OWASP's first choice) instead of the library's default. */
// `algorithm: 2` is Argon2id (the package exports it as a const enum, which isolated modules cannot read).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Accounts and sessions via better-auth: email and password, sessions in httpOnly cookies, a
 * personal workspace for every new user.
 */
export function createAuth(options: AuthOptions) {
  // Per account, on top of better-auth's per-address limit: guessing one person's password from
  // many addresses meets a wall too. Only failures count, so signing in often is never limited.
  const store = options.rateLimitStore;
  const failures = options.signInFailures ?? store.limiter("sign-in-failures", 10, 15 * 60_000);
  return betterAuth({
    appName: "Switchyard",
    baseURL: options.baseURL,
    basePath: "/api/auth",
    secret: options.secret,
    database: prismaAdapter(options.db, { provider: "postgresql" }),
    trustedOrigins: [options.baseURL],
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 256,
      autoSignIn: true,
      password: {
        hash: (password) => hash(password, ARGON2),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // The HTTP server sets this header from the socket (overwriting anything a client sent), so
    // rate limits are per client address.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
    rateLimit: {
      enabled: options.rateLimit ?? true,
      window: 60,
      max: 100,
      // A brute-force sign-in meets a wall after a handful of tries per address.
      customRules: { "/sign-in/email": { window: 60, max: 5 }, "/sign-up/email": { window: 60, max: options.signUpsPerMinute ?? 10 } },
      // Our store rather than `storage: "database"`: better-auth's database storage reads, then
      // compare-and-sets in a transaction and retries on a lost race (3+ round trips), and its
      // window restarts at the latest request. Ours decides in one atomic statement, with the exact
      // sliding window and the sweep every other limit here uses.
      customStorage: {
        consume: async (key, rule) => {
          const decision = await store.take(`auth:${key}`, rule.max, rule.window * 1000);
          return decision.ok ? { allowed: true, retryAfter: null } : { allowed: false, retryAfter: Math.ceil(decision.retryAfterMs / 1000) };
        },
      },
    },
    // A failure that is not the user's reaches the HTTP server's own handler, which logs it as one
    // line; better-call would print the whole error, stack and all, and answer an empty 500.
    onAPIError: { throw: true },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const problem = authInputProblem(ctx.body, ctx.query);
        if (problem) throw new APIError("BAD_REQUEST", { code: "INVALID_INPUT", message: problem });
        const email = ctx.path === SIGN_IN ? emailOf(ctx.body) : undefined;
        if (!email || options.rateLimit === false) return;
        // A slot is taken before the password is checked and given back unless it was wrong:
        // checking first and counting after would let a burst of parallel guesses all pass the check.
        const decision = await failures.take(email);
        if (decision.ok) return;
        throw new APIError(
          "TOO_MANY_REQUESTS",
          { code: "TOO_MANY_FAILED_SIGN_INS", message: `Too many failed sign-ins for this account; try again in ${retryAfterText(decision.retryAfterMs)}.` },
          { "Retry-After": String(Math.ceil(decision.retryAfterMs / 1000)) },
        );
      }),
      after: createAuthMiddleware(async (ctx) => {
        const email = ctx.path === SIGN_IN ? emailOf(ctx.body) : undefined;
        // After-hooks run only when the endpoint ran, i.e. when the before-hook took a slot.
        const wrongPassword = isAPIError(ctx.context.returned) && ctx.context.returned.statusCode === 401;
        if (email && options.rateLimit !== false && !wrongPassword) await failures.refund(email);
      }),
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await ensurePersonalWorkspace(options.db, user.id, user.name);
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
