import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { CredentialVault, CREDENTIALS_CHANGED_CHANNEL, workspaceKeys } from "@switchyard/api/workers";
import { createDb, createSqlPool } from "@switchyard/db";
import { FlowVersions, RunJobs, RunLifecycle } from "@switchyard/runs";
import type { Env } from "../env";
import { gatewayConfigFromEnv } from "../gateway";
import { providerServices } from "../providers";
import { PgListener } from "../db/pg-listener";
import { RunWorker } from "../worker/run-worker";
import { WorkspaceGateways } from "../worker/gateway-cache";
import { tracingFromEnv } from "../tracing";

/** What a worker needs that the process that starts it has already settled. */
export interface WorkerSetup {
  env: Env;
  databaseUrl: string;
  /** Decrypts workspaces' provider keys; the same key the API encrypts them with. */
  credentialKey: Buffer;
  log(message: string): void;
}

export interface WorkerRuntime {
  worker: RunWorker;
  /** Hands runs in flight back to the queue and closes every connection. */
  stop(): Promise<void>;
}

/**
 * A worker and everything it holds: its own database pool, queue client and LISTEN connection,
 * so it runs as well on a thread of the server as in a process of its own (`pnpm worker`).
 */
export async function startWorkerRuntime(setup: WorkerSetup): Promise<WorkerRuntime> {
  const { env, log } = setup;
  // Plain SQL on the hot path (claims, events, leases); Prisma for the rest (memory, subflows, keys).
  const sql = createSqlPool(setup.databaseUrl, { max: 20 });
  const db = createDb(setup.databaseUrl, { poolSize: 5 });
  const boss = new PgBoss({ connectionString: setup.databaseUrl, schema: "pgboss", max: 4 });
  boss.on("error", (error) => log(`queue: ${error.message}`));
  await boss.start();
  const jobs = new RunJobs(boss, sql);
  await jobs.prepare();
  const heartbeat = createSqlPool(setup.databaseUrl, { max: 2 });
  const lifecycle = new RunLifecycle({ sql, heartbeat, dispatch: jobs, leaseMs: env.SWITCHYARD_LEASE_MS });
  const listener = new PgListener(setup.databaseUrl, log);
  const vault = new CredentialVault(setup.credentialKey);
  const gateways = new WorkspaceGateways(providerServices(gatewayConfigFromEnv(env)).gatewayFor, (workspaceId) => workspaceKeys(db, vault, workspaceId));
  await listener.listen(CREDENTIALS_CHANGED_CHANNEL, (workspaceId) => (workspaceId ? gateways.forget(workspaceId) : gateways.forgetAll()));
  // The SDK is not even loaded without a collector.
  const tracing = await tracingFromEnv(env, log);
  const worker = new RunWorker({
    lifecycle,
    jobs,
    listener,
    workerId: `worker-${randomUUID().slice(0, 8)}`,
    db,
    flowVersions: new FlowVersions(sql),
    gatewayFor: (workspaceId) => gateways.get(workspaceId),
    concurrency: env.WORKER_CONCURRENCY,
    limits: { maxOutputTokens: env.SWITCHYARD_MAX_OUTPUT_TOKENS, maxOutputChars: env.SWITCHYARD_MAX_OUTPUT_CHARS },
    ...(tracing ? { tracing } : {}),
    log,
  });
  await worker.start();
  return {
    worker,
    async stop() {
      await worker.stop();
      // Spans of the runs finished so far go out before the worker does.
      await tracing?.shutdown();
      await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
      await listener.close();
      await db.$disconnect();
      await sql.end();
      await heartbeat.end();
    },
  };
}
