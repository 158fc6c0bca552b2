import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAuth } from "../src/auth/auth";
import { PgRateLimitStore } from "../src/services/pg-rate-limiter";
import { useTestApi } from "./support/harness";

const t = useTestApi();

describe("me.get", () => {
  it("returns the signed-in user and their workspaces with roles", async () => {
    const ada = await t.user("Ada");
    const grace = await t.user("Grace");
    await t.join(ada, grace.workspaceId, "viewer");

    const me = await ada.api.me.get();

    expect(me.user).toEqual({ id: ada.id, name: ada.name, email: ada.email });
    expect(me.sessionExpired).toBe(false);
    expect(me.workspaces).toEqual([
      { id: ada.workspaceId, name: "Ada's workspace", personal: true, role: "owner" },
      { id: grace.workspaceId, name: "Grace's workspace", personal: true, role: "viewer" },
    ]);
  });

  it("answers an anonymous caller with no user instead of an error", async () => {
    expect(await t.anonymous().me.get()).toEqual({
      user: null,
      workspaces: [],
      sessionExpired: false,
    });
  });

  it("tells a caller whose session expired so", async () => {
    expect(await t.anonymous({ sessionExpired: true }).me.get()).toEqual({
      user: null,
      workspaces: [],
      sessionExpired: true,
    });
  });
});

describe("a real better-auth session", () => {
  it("is found until it expires, then is not (the server then sets sessionExpired)", async () => {
    const auth = createAuth({
      db: t.db,
      rateLimitStore: new PgRateLimitStore(t.sql),
      secret: randomBytes(32).toString("hex"),
      baseURL: "http://localhost:3000",
      rateLimit: false,
    });
    const email = `lin-${randomBytes(4).toString("hex")}@example.com`;
    const signUp = await auth.api.signUpEmail({
      body: { name: "Lin", email, password: "correct horse battery" },
      returnHeaders: true,
    });
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .find((c) => c.startsWith("better-auth.session_token="));
    expect(cookie).toBeDefined();
    const headers = new Headers({ cookie: cookie! });

    const session = await auth.api.getSession({ headers });
    expect(session?.user.email).toBe(email);
    // The sign-up hook gave the new user a personal workspace.
    const memberships = await t.db.membership.findMany({
      where: { userId: session!.user.id },
      select: { role: true, workspace: { select: { personal: true } } },
    });
    expect(memberships).toEqual([{ role: "owner", workspace: { personal: true } }]);

    await t.db.session.updateMany({
      where: { userId: session!.user.id },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });

    expect(await auth.api.getSession({ headers })).toBeNull();
  });
});
