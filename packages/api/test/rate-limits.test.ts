import { describe, expect, it } from "vitest";
import { createCaller } from "../src/root";
import { createContextInner } from "../src/context";
import { SlidingWindowLimiter, retryAfterText } from "../src/services/rate-limiter";
import { expectTrpcError, useTestApi } from "./support/harness";
import { askFlow } from "./support/flows";

const t = useTestApi();

/** A limiter on a clock the test moves by hand. */
function limiter(limit: number, windowMs: number) {
  let now = 1_000_000;
  const subject = new SlidingWindowLimiter(limit, windowMs, () => now);
  return { subject, advance: (ms: number) => (now += ms) };
}

describe("SlidingWindowLimiter", () => {
  it("allows `limit` requests in a window and says when the next one may come", () => {
    const { subject, advance } = limiter(3, 60_000);
    expect([subject.take("a"), subject.take("a"), subject.take("a")]).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
    ]);
    advance(10_000);
    expect(subject.take("a")).toEqual({ ok: false, retryAfterMs: 50_000 });
  });

  it("slides: each request leaves the window a full window after it was made", () => {
    const { subject, advance } = limiter(2, 1000);
    subject.take("a"); // t=0
    advance(600);
    subject.take("a"); // t=600
    expect(subject.take("a").ok).toBe(false);
    advance(400); // t=1000: the first has left, the second has not
    expect(subject.take("a")).toEqual({ ok: true, remaining: 0 });
    expect(subject.take("a")).toEqual({ ok: false, retryAfterMs: 600 });
  });

  it("does not count refused requests, so waiting is always enough", () => {
    const { subject, advance } = limiter(1, 1000);
    subject.take("a");
    for (let i = 0; i < 50; i += 1) expect(subject.take("a").ok).toBe(false);
    advance(1000);
    expect(subject.take("a").ok).toBe(true);
  });

  it("keeps keys apart, and check() decides without counting", () => {
    const { subject } = limiter(1, 1000);
    expect(subject.check("a")).toEqual({ ok: true, remaining: 0 });
    expect(subject.check("a")).toEqual({ ok: true, remaining: 0 });
    subject.take("a");
    expect(subject.check("a").ok).toBe(false);
    expect(subject.take("b").ok).toBe(true);
  });

  it("forgets idle keys", () => {
    const { subject, advance } = limiter(5, 1000);
    for (let i = 0; i < 999; i += 1) subject.take(`key-${i}`);
    advance(2000);
    subject.take("last"); // the 1000th call sweeps
    expect((subject as unknown as { hits: Map<string, number[]> }).hits.size).toBe(1);
  });

  it("refuses nonsense limits, and says waits in words", () => {
    expect(() => new SlidingWindowLimiter(0, 1000)).toThrow(/limit ≥ 1/);
    expect([
      retryAfterText(1),
      retryAfterText(12_400),
      retryAfterText(60_000),
      retryAfterText(600_000),
    ]).toEqual(["1 second", "13 seconds", "60 seconds", "10 minutes"]);
  });
});

describe("runs.start rate limit", () => {
  it("refuses a user over the limit with TOO_MANY_REQUESTS saying when to retry, writing nothing", async () => {
    const ada = await t.user("Ada");
    const grace = await t.user("Grace");
    await t.join(grace, ada.workspaceId, "editor");
    const { id: flowId } = await ada.api.flows.import({
      workspaceId: ada.workspaceId,
      document: askFlow(),
    });
    const rateLimits = {
      runStart: new SlidingWindowLimiter(2, 60_000),
      rest: new SlidingWindowLimiter(2, 60_000),
    };
    const as = (user: typeof ada) =>
      createCaller(createContextInner({ db: t.db, services: { ...t.services, rateLimits }, user }));

    const start = () => as(ada).runs.start({ flowId, inputs: { question: "q" } });
    await start();
    await start();
    const runs = await t.db.run.count();
    const queued = t.queue.enqueued.length;
    await expectTrpcError(
      start(),
      "TOO_MANY_REQUESTS",
      /^You have started 2 runs in the last 60 seconds, the most allowed; try again in (59|60) seconds\.$/,
    );
    expect(await t.db.run.count()).toBe(runs);
    expect(t.queue.enqueued).toHaveLength(queued);
    // The limit is per user: a teammate is not held back by it.
    expect(await as(grace).runs.start({ flowId, inputs: { question: "q" } })).toHaveProperty(
      "runId",
    );
  });
});
