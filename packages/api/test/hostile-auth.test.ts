import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@switchyard/db";
import { createAuth } from "../src/auth/auth";
import { PgRateLimitStore } from "../src/services/pg-rate-limiter";
import { hostileJson, hostileVariants, type HostileVariant } from "../src/testing";
import { useTestApi } from "./support/harness";

/**
 * Every account endpoint the web app calls, with every hostile variant of a good request:
 * never an internal error, each refusal a 400 or 413 naming the problem.
 */
const t = useTestApi();
const ORIGIN = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";
let auth: ReturnType<typeof createAuth>;
let email: string;
let cookie: string;

beforeAll(async () => {
  auth = createAuth({ db: t.db, rateLimitStore: new PgRateLimitStore(t.sql), secret: randomBytes(32).toString("hex"), baseURL: ORIGIN, rateLimit: false });
  email = `hostile-${randomBytes(4).toString("hex")}@example.com`;
  const res = await post("/sign-up/email", { name: "Hostile", email, password: PASSWORD });
  expect(res.status).toBe(200);
  cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
});

function post(path: string, body: unknown, signedIn = false): Promise<Response> {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...(signedIn ? { cookie } : {}) },
      body: hostileJson(body),
    }),
  );
}

/** The endpoints, each with a good body and whether it needs the session. */
const endpoints = (): [string, unknown, boolean][] => [
  ["/sign-up/email", { name: "Someone", email: `new-${randomBytes(4).toString("hex")}@example.com`, password: PASSWORD }, false],
  ["/sign-in/email", { email, password: PASSWORD }, false],
  ["/update-user", { name: "Renamed" }, true],
  ["/change-password", { currentPassword: PASSWORD, newPassword: PASSWORD }, true],
];

describe("hostile input to the account endpoints", () => {
  it("is never an internal error, and every refusal names the problem", { timeout: 300_000 }, async () => {
    const internal: string[] = [];
    const wrong: string[] = [];
    const say = (path: string, v: HostileVariant, status: number, message: string) => `${path}: ${v.label} → ${status} ${message.slice(0, 160)}`;
    for (const [path, good, signedIn] of endpoints()) {
      for (const variant of hostileVariants(good)) {
        let status: number;
        let message = "";
        try {
          const res = await post(path, variant.body, signedIn);
          status = res.status;
          message = ((await res.json().catch(() => ({}))) as { message?: string }).message ?? "";
        } catch (error) {
          status = 500;
          message = String(error);
        }
        if (status >= 500) internal.push(say(path, variant, status, message));
        else if (variant.mustRefuse && (![400, 413].includes(status) || !variant.mentions.test(message))) wrong.push(say(path, variant, status, message));
      }
    }
    expect({ internal, wrong }).toEqual({ internal: [], wrong: [] });
  });
});

describe("a failure that is not the user's", () => {
  it("reaches the HTTP server's handler (which logs one line) instead of being printed with its stack", async () => {
    const unreachable = createDb("postgresql://postgres@127.0.0.1:5432/switchyard_no_such_database");
    const broken = createAuth({ db: unreachable, rateLimitStore: new PgRateLimitStore(t.sql), secret: randomBytes(32).toString("hex"), baseURL: ORIGIN, rateLimit: false });
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const request = new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN }, body: JSON.stringify({ email, password: PASSWORD }) });
      await expect(broken.handler(request)).rejects.toThrow(/does not exist|switchyard_no_such_database/);
      expect(printed.mock.calls.map((c) => String(c[0]))).not.toContain("# SERVER_ERROR: ");
    } finally {
      printed.mockRestore();
      await unreachable.$disconnect();
    }
  });
});
