import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import PgBoss from "pg-boss";
import { accessChangesOver, ACCESS_CHANGED_CHANNEL, ApiKeyCache, createAuth, CredentialVault, defaultRateLimits, PgRateLimitStore, type ApiServices } from "@switchyard/api";
import { createDb, createSqlPool, ensureDatabase, migrateDatabase, type Db } from "@switchyard/db";
import { FlowVersions, RunJobs, RunLifecycle } from "@switchyard/runs";
import type { Env } from "../env";
import { gatewayConfigFromEnv } from "../gateway";
import { providerServices } from "../providers";
import { PgListener } from "../db/pg-listener";
import { createAppServer } from "../http/app-server";
import { pgRunEventSource } from "../runs/pg-run-events";
import { loadOrCreateSecret } from "./secrets";
import { loadTemplates } from "./templates";
import { EXAMPLES_DIR, WEB_ROOT } from "./paths";
import { startWorkerRuntime } from "./worker-runtime";
import { startInProcessWorker } from "./in-process-worker";

export interface Runtime {
  db: Db;
  databaseUrl: string;
  url?: string;
  /** True when this process executes runs (itself, or on its worker thread). */
  executesRuns: boolean;
  /** Stops taking requests, hands in-flight runs back to the queue, closes everything. */
  shutdown(): Promise<void>;
}

export interface RuntimeOptions {
  http: boolean;
  worker: boolean;
  log(message: string): void;
}

/**
 * Brings Switchyard up: database (embedded when no DATABASE_URL), migrations, then the HTTP server
 * and/or a worker. `start` uses both, the worker on a thread of its own so that flows never run on
 * the event loop that answers requests; `worker` processes run only the second, on their main thread.
 */
export async function startRuntime(env: Env, options: RuntimeOptions): Promise<Runtime> {
  const { log } = options;
  const dataDir = path.resolve(env.SWITCHYARD_DATA_DIR);
  const database = await ensureDatabase({ dataDir: path.join(dataDir, "postgres"), ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) });
  if (!env.DATABASE_URL) log(`using embedded PostgreSQL in ${path.join(dataDir, "postgres")}`);
  await migrateDatabase(database.databaseUrl);
  const credentialKey = await loadOrCreateSecret(env.SWITCHYARD_CREDENTIAL_KEY, dataDir, "credential.key", 32, log);
  // The API streams many runs' events at once: more than pg's default 10.
  const db = createDb(database.databaseUrl, { poolSize: 20 });

  // The two start side by side: a worker thread loads its own copy of the code.
  const [api, worker] = await Promise.allSettled([
    options.http ? startApi(env, { db, databaseUrl: database.databaseUrl, dataDir, credentialKey, log }) : undefined,
    !options.worker
      ? undefined
      : options.http
        ? startInProcessWorker({ env: { ...process.env }, databaseUrl: database.databaseUrl, credentialKey: credentialKey.toString("base64") }, log)
        : startWorkerRuntime({ env, databaseUrl: database.databaseUrl, credentialKey, log }),
  ]).then(async ([apiResult, workerResult]) => {
    if (apiResult.status === "fulfilled" && workerResult.status === "fulfilled") return [apiResult.value, workerResult.value] as const;
    await Promise.allSettled([apiResult.status === "fulfilled" && apiResult.value?.stop(), workerResult.status === "fulfilled" && workerResult.value?.stop()]);
    throw (apiResult.status === "rejected" ? apiResult.reason : (workerResult as PromiseRejectedResult).reason) as Error;
  });

  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      await api?.stop();
      await worker?.stop();
      await db.$disconnect();
      await database.stop();
    })());
  return { db, databaseUrl: database.databaseUrl, ...(api ? { url: api.url } : {}), executesRuns: worker !== undefined, shutdown };
}

interface ApiSetup {
  db: Db;
  databaseUrl: string;
  dataDir: string;
  credentialKey: Buffer;
  log(message: string): void;
}

/** The HTTP server and the services behind it; it queues runs, it never executes them. */
async function startApi(env: Env, setup: ApiSetup): Promise<{ url: string; stop(): Promise<void> }> {
  const { db, log } = setup;
  // Plain SQL for what every run's start and stream do; Prisma for everything else.
  const sql = createSqlPool(setup.databaseUrl, { max: 20 });
  // Sending jobs only: the workers' own clients fetch and supervise.
  const boss = new PgBoss({ connectionString: setup.databaseUrl, schema: "pgboss", max: 4, supervise: false, schedule: false });
  boss.on("error", (error) => log(`queue: ${error.message}`));
  await boss.start();
  const jobs = new RunJobs(boss, sql);
  await jobs.prepare();
  const listener = new PgListener(setup.databaseUrl, log);
  const templates = await loadTemplates(EXAMPLES_DIR);
  // In the database, so every server process counts against the same budget.
  const limits = new PgRateLimitStore(sql);
  const providers = providerServices(gatewayConfigFromEnv(env));
  // NOTIFY reaches every API process; each fans it out to its own open streams.
  const accessChanges = accessChangesOver({
    notify: async (payload) => void (await db.$executeRaw`SELECT pg_notify(${ACCESS_CHANGED_CHANNEL}, ${payload})`),
    listen: (handler) => listener.listen(ACCESS_CHANGED_CHANNEL, handler),
  });
  const services: ApiServices = {
    runs: new RunLifecycle({ sql, dispatch: jobs, leaseMs: env.SWITCHYARD_LEASE_MS }),
    sql,
    flowVersions: new FlowVersions(sql, { checkModel: (model) => providers.checkModel(model) }),
    apiKeys: new ApiKeyCache(db, accessChanges),
    events: pgRunEventSource(sql, listener),
    vault: new CredentialVault(setup.credentialKey),
    providers,
    templates: () => templates,
    accessChanges,
    rateLimits: defaultRateLimits(limits, { runStartPerMinute: env.SWITCHYARD_RUN_START_LIMIT, restPerMinute: env.SWITCHYARD_REST_LIMIT }),
  };
  const secret = env.SWITCHYARD_AUTH_SECRET ?? (await loadOrCreateSecret(undefined, setup.dataDir, "auth.secret", 32, log)).toString("base64");
  const server = await listen(env, (publicOrigin) =>
    createAppServer({ db, auth: createAuth({ db, secret, baseURL: publicOrigin, signUpsPerMinute: env.SWITCHYARD_SIGNUP_LIMIT, rateLimitStore: limits }), services, publicOrigin, webRoot: WEB_ROOT, log }),
  );
  const address = server.address() as AddressInfo;
  return {
    url: env.PUBLIC_URL ?? `http://localhost:${address.port}`,
    async stop() {
      server.close();
      server.closeAllConnections();
      await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
      await listener.close();
      await sql.end();
    },
  };
}

/** Listens on PORT (0 = any free port); the public origin is known only once the port is. */
async function listen(env: Env, create: (publicOrigin: string) => Server): Promise<Server> {
  if (env.PORT !== 0 || env.PUBLIC_URL) {
    const server = create(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(env.PORT, env.HOST, resolve));
    return server;
  }
  const probe = await new Promise<number>((resolve, reject) => {
    const s = create("http://localhost").once("error", reject);
    s.listen(0, env.HOST, () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
  return listen({ ...env, PORT: probe }, create);
}
