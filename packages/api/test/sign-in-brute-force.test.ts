import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, createSqlPool } from "@switchyard/db";
import { CLIENT_IP_HEADER, createAuth } from "../src/auth/auth";
import { PgRateLimitStore } from "../src/services/pg-rate-limiter";
import { useTestApi } from "./support/harness";

const t = useTestApi();

describe("brute-force sign-in", () => {
  const PASSWORD = "correct horse battery staple";
  let auth: ReturnType<typeof createAuth>;
  let email: string;

  beforeAll(async () => {
    auth = createAuth({
      db: t.db,
      rateLimitStore: new PgRateLimitStore(t.sql),
      secret: randomBytes(32).toString("hex"),
      baseURL: "http://localhost:3000",
    });
    email = `target-${randomBytes(4).toString("hex")}@example.com`;
    await auth.api.signUpEmail({ body: { name: "Target", email, password: PASSWORD } });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  const signInAs = (account: string, password: string, ip: string, server = auth) =>
    server.handler(
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "http://localhost:3000",
          [CLIENT_IP_HEADER]: ip,
        },
        body: JSON.stringify({ email: account, password }),
      }),
    );
  const signIn = (password: string, ip: string) => signInAs(email, password, ip);

  it("meets a wall after 5 tries a minute from one address, the right password included, until the window passes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const ip = `10.1.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await signIn(`wrong-${i}`, ip)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const sixth = await signIn("wrong-6", ip);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect((await signIn(PASSWORD, ip)).status).toBe(429);
    expect(await t.db.session.count({ where: { user: { email } } })).toBe(1); // only sign-up's

    vi.setSystemTime(Date.now() + 61_000);
    expect((await signIn(PASSWORD, ip)).status).toBe(200);
    vi.useRealTimers();
  });

  it("meets a wall per account too, however many addresses the guesses come from", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const fresh = `acct-${randomBytes(4).toString("hex")}@example.com`;
    await auth.api.signUpEmail({ body: { name: "Acct", email: fresh, password: PASSWORD } });
    const from = (i: number) => `10.2.${i}.${randomBytes(1)[0]}`;
    const attempt = (password: string, ip: string) => signInAs(fresh.toUpperCase(), password, ip);
    for (let i = 0; i < 10; i += 1) expect((await attempt(`wrong-${i}`, from(i))).status).toBe(401);
    const walled = await attempt(PASSWORD, from(11));
    expect(walled.status).toBe(429);
    expect(Number(walled.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(await walled.json()).toMatchObject({
      message: expect.stringMatching(
        /^Too many failed sign-ins for this account; try again in 1[45] minutes\.$/,
      ),
    });

    vi.setSystemTime(Date.now() + 15 * 60_000 + 1000);
    expect((await attempt(PASSWORD, from(12))).status).toBe(200);
    vi.useRealTimers();
  });

  it("lets a burst of parallel guesses from many addresses have no more than the account's 10 tries", async () => {
    const fresh = `burst-${randomBytes(4).toString("hex")}@example.com`;
    await auth.api.signUpEmail({ body: { name: "Burst", email: fresh, password: PASSWORD } });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInAs(fresh, `wrong-${i}`, `10.5.${i}.${randomBytes(1)[0]}`)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const bucket = await t.db.rateLimitBucket.findUnique({ where: { key: `sign-in-failures:${fresh}` } });
    expect(bucket?.hits).toHaveLength(10);
  });

  it("does not count sign-ins with the right password against the account", async () => {
    const fresh = `often-${randomBytes(4).toString("hex")}@example.com`;
    await auth.api.signUpEmail({ body: { name: "Often", email: fresh, password: PASSWORD } });
    for (let i = 0; i < 12; i += 1) expect((await signInAs(fresh, PASSWORD, `10.6.${i}.${randomBytes(1)[0]}`)).status).toBe(200);
    const bucket = await t.db.rateLimitBucket.findUnique({ where: { key: `sign-in-failures:${fresh}` } });
    expect(bucket?.hits ?? []).toHaveLength(0);
    for (let i = 0; i < 10; i += 1) expect((await signInAs(fresh, `wrong-${i}`, `10.7.${i}.${randomBytes(1)[0]}`)).status).toBe(401);
    expect((await signInAs(fresh, PASSWORD, `10.7.99.${randomBytes(1)[0]}`)).status).toBe(429);
  });

  it("counts tries from one address and against one account the same on every server", async () => {
    const otherDb = createDb(t.url, { poolSize: 2 });
    const otherSql = createSqlPool(t.url, { max: 2 });
    try {
      const other = createAuth({
        db: otherDb,
        rateLimitStore: new PgRateLimitStore(otherSql),
        secret: randomBytes(32).toString("hex"),
        baseURL: "http://localhost:3000",
      });
      const servers = [auth, other];
      const ip = `10.3.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
      const perAddress: number[] = [];
      for (let i = 0; i < 6; i += 1)
        perAddress.push((await signInAs(email, `wrong-${i}`, ip, servers[i % 2])).status);
      expect(perAddress).toEqual([401, 401, 401, 401, 401, 429]);
      // Counted in the database, not in better-auth's module-wide memory both servers here would share.
      const hits = (key: string) =>
        t.db.rateLimitBucket.findUnique({ where: { key } }).then((bucket) => bucket?.hits.length);
      expect(await hits(`auth:${ip}|/sign-in/email`)).toBe(5);

      const fresh = `shared-${randomBytes(4).toString("hex")}@example.com`;
      await other.api.signUpEmail({ body: { name: "Shared", email: fresh, password: PASSWORD } });
      const from = (i: number) => `10.4.${i}.${randomBytes(1)[0]}`;
      for (let i = 0; i < 10; i += 1)
        expect((await signInAs(fresh, `wrong-${i}`, from(i), servers[i % 2])).status).toBe(401);
      for (const server of servers)
        expect((await signInAs(fresh, PASSWORD, from(20), server)).status).toBe(429);
      expect(await hits(`sign-in-failures:${fresh}`)).toBe(10);
    } finally {
      await otherDb.$disconnect();
      await otherSql.end();
    }
  });
});
