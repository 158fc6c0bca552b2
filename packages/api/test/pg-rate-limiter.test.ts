import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSqlPool } from "@switchyard/db";
import { PgRateLimitStore } from "../src/services/pg-rate-limiter";
import { retryAfterText } from "../src/services/rate-limiter";
import { useTestApi } from "./support/harness";

const t = useTestApi();

/** A store on a clock the test moves by hand; each test counts under a name of its own. */
function limiter(limit: number, windowMs: number, options: { sweepEvery?: number } = {}) {
  let now = 1_000_000;
  const store = new PgRateLimitStore(t.sql, { now: () => now, ...options });
  const name = randomUUID();
  return {
    store,
    name,
    subject: store.limiter(name, limit, windowMs),
    advance: (ms: number) => (now += ms),
  };
}

/** How many buckets exist under `name`. */
async function rows(name: string): Promise<number> {
  return t.db.rateLimitBucket.count({ where: { key: { startsWith: `${name}:` } } });
}

describe("PgRateLimitStore", () => {
  it("allows `limit` requests in a window and says when the next one may come", async () => {
    const { subject, advance } = limiter(3, 60_000);
    expect([await subject.take("a"), await subject.take("a"), await subject.take("a")]).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
    ]);
    advance(10_000);
    expect(await subject.take("a")).toEqual({ ok: false, retryAfterMs: 50_000 });
  });

  it("slides: each request leaves the window a full window after it was made", async () => {
    const { subject, advance } = limiter(2, 1000);
    await subject.take("a"); // t=0
    advance(600);
    await subject.take("a"); // t=600
    expect((await subject.take("a")).ok).toBe(false);
    advance(400); // t=1000: the first has left, the second has not
    expect(await subject.take("a")).toEqual({ ok: true, remaining: 0 });
    expect(await subject.take("a")).toEqual({ ok: false, retryAfterMs: 600 });
  });

  it("does not count refused requests, so waiting is always enough", async () => {
    const { subject, advance } = limiter(1, 1000);
    await subject.take("a");
    for (let i = 0; i < 20; i += 1) expect((await subject.take("a")).ok).toBe(false);
    advance(1000);
    expect((await subject.take("a")).ok).toBe(true);
  });

  it("keeps keys apart, and check() decides without counting", async () => {
    const { subject } = limiter(1, 1000);
    expect(await subject.check("a")).toEqual({ ok: true, remaining: 0 });
    expect(await subject.check("a")).toEqual({ ok: true, remaining: 0 });
    await subject.take("a");
    expect(await subject.check("a")).toEqual({ ok: false, retryAfterMs: 1000 });
    expect((await subject.take("b")).ok).toBe(true);
  });

  it("refund() gives back the newest hit, and does nothing to a key without hits", async () => {
    const { name, subject, advance } = limiter(2, 1000);
    await subject.refund("a");
    expect(await rows(name)).toBe(0);
    await subject.take("a"); // t=0
    advance(500);
    await subject.take("a"); // t=500
    expect((await subject.take("a")).ok).toBe(false);
    await subject.refund("a");
    // The hit at t=0 stays: room again at once, and the next one waits for it to leave at t=1000.
    expect(await subject.take("a")).toEqual({ ok: true, remaining: 0 });
    expect(await subject.take("a")).toEqual({ ok: false, retryAfterMs: 500 });
    await subject.refund("a");
    await subject.refund("a");
    await subject.refund("a");
    expect(await subject.check("a")).toEqual({ ok: true, remaining: 1 });
  });

  it("says how long until there is room, from the hit that must leave first", async () => {
    const { store, name, subject, advance } = limiter(3, 60_000);
    for (let i = 0; i < 3; i += 1) {
      await subject.take("a"); // t = 0, 10 s, 20 s
      advance(10_000);
    }
    expect(await subject.take("a")).toEqual({ ok: false, retryAfterMs: 30_000 });
    expect(await subject.check("a")).toEqual({ ok: false, retryAfterMs: 30_000 });
    // With the limit lowered to 2, two hits must leave: the one at 10 s leaves at 70 s.
    const lowered = store.limiter(name, 2, 60_000);
    expect(await lowered.take("a")).toEqual({ ok: false, retryAfterMs: 40_000 });
    advance(30_000); // t = 60 s: the first hit has left, a slot is free
    expect(await subject.take("a")).toEqual({ ok: true, remaining: 0 });
    expect(await subject.take("a")).toEqual({ ok: false, retryAfterMs: 10_000 });
  });

  it("never asks for more than a window, even when another server's clock runs ahead", async () => {
    const name = randomUUID();
    const ahead = new PgRateLimitStore(t.sql, { now: () => 1_005_000 }).limiter(name, 1, 1000);
    const behind = new PgRateLimitStore(t.sql, { now: () => 1_000_000 }).limiter(name, 1, 1000);
    await ahead.take("a");
    expect(await behind.take("a")).toEqual({ ok: false, retryAfterMs: 1000 });
  });

  it("lets exactly `limit` of 50 concurrent requests through, from two processes at once", async () => {
    const other = createSqlPool(t.url, { max: 4 });
    try {
      const name = randomUUID();
      const one = new PgRateLimitStore(t.sql).limiter(name, 10, 60_000);
      const two = new PgRateLimitStore(other).limiter(name, 10, 60_000);
      const burst = () =>
        Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? one : two).take("key")));
      // The first burst also races to create the bucket; the second meets a full one.
      const [first, second] = [await burst(), await burst()];
      const allowed = first.flatMap((d) => (d.ok ? [d.remaining] : []));
      expect(allowed.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(second.filter((d) => d.ok)).toEqual([]);
      for (const d of [...first, ...second].filter((d) => !d.ok))
        expect(d).toEqual({
          ok: false,
          retryAfterMs: expect.toSatisfy((ms: number) => ms > 0 && ms <= 60_000),
        });
      const bucket = await t.db.rateLimitBucket.findUniqueOrThrow({
        where: { key: `${name}:key` },
      });
      expect(bucket.hits).toHaveLength(10);
    } finally {
      await other.end();
    }
  });

  it("sweeps buckets whose hits have all left their window", async () => {
    const { store, name, subject, advance } = limiter(5, 1000, { sweepEvery: 10 });
    for (let i = 0; i < 25; i += 1) await subject.take(`idle-${i}`); // sweeps at 10 and 20 find nothing
    expect(await rows(name)).toBe(25);
    advance(1000);
    for (let i = 0; i < 5; i += 1) await subject.take(`active-${i}`); // the 30th take sweeps
    expect(await rows(name)).toBe(5);
    advance(1000);
    expect(await store.sweep()).toBeGreaterThanOrEqual(5);
    expect(await rows(name)).toBe(0);
  });

  it("keeps the table as small as the keys in use, however many keys come and go", async () => {
    const { name, subject, advance } = limiter(3, 1000, { sweepEvery: 10 });
    const sizes: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      for (let i = 0; i < 20; i += 1) await subject.take(`round-${round}-key-${i}`);
      sizes.push(await rows(name));
      advance(1000);
    }
    // 20 live keys, plus at most the few that expired after the last sweep: never the 200 seen.
    for (const size of sizes) expect(size).toBeLessThanOrEqual(30);
  });

  it("refuses nonsense limits, and says waits in words", () => {
    const store = new PgRateLimitStore(t.sql);
    expect(() => store.limiter("x", 0, 1000)).toThrow(/limit ≥ 1/);
    expect(() => store.limiter("x", 1, 0)).toThrow(/positive window/);
    expect([
      retryAfterText(1),
      retryAfterText(12_400),
      retryAfterText(60_000),
      retryAfterText(600_000),
    ]).toEqual(["1 second", "13 seconds", "60 seconds", "10 minutes"]);
  });
});
