import { describe, expect, it } from "vitest";
import { createSqlPool, type SqlPool } from "@switchyard/db";
import { createCaller } from "../src/root";
import { createContextInner } from "../src/context";
import { PgRateLimitStore } from "../src/services/pg-rate-limiter";
import { defaultRateLimits } from "../src/services/rate-limiter";
import { expectTrpcError, useTestApi } from "./support/harness";
import { askFlow } from "./support/flows";

const t = useTestApi();

/** An API instance's limits as the server builds them, 2 a minute, counted in `sql`'s database. */
const tight = (sql: SqlPool) =>
  defaultRateLimits(new PgRateLimitStore(sql), { runStartPerMinute: 2, restPerMinute: 2 });

describe("runs.start rate limit", () => {
  it("refuses a user over the limit with TOO_MANY_REQUESTS saying when to retry, writing nothing", async () => {
    const ada = await t.user("Ada");
    const grace = await t.user("Grace");
    await t.join(grace, ada.workspaceId, "editor");
    const { id: flowId } = await ada.api.flows.import({
      workspaceId: ada.workspaceId,
      document: askFlow(),
    });
    const rateLimits = tight(t.sql);
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

  it("is one budget for two API instances, each with its own connections", async () => {
    const ada = await t.user("Ada");
    const { id: flowId } = await ada.api.flows.import({
      workspaceId: ada.workspaceId,
      document: askFlow(),
    });
    const otherSql = createSqlPool(t.url, { max: 2 });
    try {
      const instances = [t.sql, otherSql].map((sql) => {
        const services = { ...t.services, rateLimits: tight(sql) };
        return createCaller(createContextInner({ db: t.db, services, user: ada }));
      });
      const start = (instance: number) =>
        instances[instance]!.runs.start({ flowId, inputs: { question: "q" } });
      await start(0);
      await start(1);
      for (const instance of [0, 1])
        await expectTrpcError(start(instance), "TOO_MANY_REQUESTS", /^You have started 2 runs/);
    } finally {
      await otherSql.end();
    }
  });
});
