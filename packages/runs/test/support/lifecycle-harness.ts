import PgBoss from "pg-boss";
import { afterAll, beforeAll } from "vitest";
import { createSqlPool, createTestDatabase, type Db, type SqlPool, type TestDatabase } from "@switchyard/db";
import { RunJobs } from "../../src/run-jobs";
import { RunLifecycle } from "../../src/run-lifecycle";

export interface LifecycleHarness {
  db: Db;
  sql: SqlPool;
  url: string;
  boss: PgBoss;
  jobs: RunJobs;
  lifecycle(options?: { leaseMs?: number; maxInterruptions?: number }): RunLifecycle;
  /** A new queued run (flow, version and all) created through the lifecycle, with its job. */
  newRun(lifecycle: RunLifecycle): Promise<string>;
  /** pg-boss jobs of the run's queue that are waiting or running, per run. */
  liveJobs(runId: string): Promise<number>;
}

/** A real database and a real pg-boss on it, for one test file. */
export function useLifecycle(): LifecycleHarness {
  let database: TestDatabase;
  let boss: PgBoss;
  let jobs: RunJobs;
  let pool: SqlPool;
  let flowVersion: { flowId: string; versionId: string; workspaceId: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    boss = new PgBoss({ connectionString: database.url, schema: "pgboss", max: 2, supervise: false, schedule: false });
    await boss.start();
    pool = createSqlPool(database.url, { max: 4 });
    jobs = new RunJobs(boss, pool);
    await jobs.prepare();
    const { db } = database;
    const user = await db.user.create({ data: { id: "u1", name: "U", email: "u@example.com" } });
    const workspace = await db.workspace.create({ data: { name: "W" } });
    const flow = await db.flow.create({ data: { workspaceId: workspace.id, name: "F", createdById: user.id, latestVersion: 1 } });
    const version = await db.flowVersion.create({ data: { flowId: flow.id, version: 1, document: {}, createdById: user.id } });
    flowVersion = { flowId: flow.id, versionId: version.id, workspaceId: workspace.id };
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true }).catch(() => undefined);
    await pool?.end();
    await database?.drop();
  });

  return {
    get db() {
      return database.db;
    },
    get sql() {
      return pool;
    },
    get url() {
      return database.url;
    },
    get boss() {
      return boss;
    },
    get jobs() {
      return jobs;
    },
    lifecycle: (options = {}) => new RunLifecycle({ sql: pool, dispatch: jobs, ...options }),
    newRun: (lifecycle) =>
      lifecycle.create({ flowId: flowVersion.flowId, flowVersionId: flowVersion.versionId, workspaceId: flowVersion.workspaceId, inputs: {}, seed: 1 }),
    async liveJobs(runId) {
      const [row] = await database.db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'switchyard-run' AND data->>'runId' = ${runId} AND state IN ('created', 'retry', 'active')`;
      return row?.n ?? 0;
    },
  };
}
