import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import path from "node:path";
import PgBoss from "pg-boss";
import { accessChangesOver, ACCESS_CHANGED_CHANNEL, createAuth, CredentialVault, defaultRateLimits, PgRateLimitStore, workspaceKeys, type ApiServices } from "@switchyard/api";
import { createDb, ensureDatabase, migrateDatabase, type Db } from "@switchyard/db";
import type { Env } from "../env";
import { gatewayConfigFromEnv } from "../gateway";
import { providerServices } from "../providers";
import { PgListener } from "../db/pg-listener";
import { createAppServer } from "../http/app-server";
import { pgRunEventSource } from "../runs/pg-run-events";
import { RunJobs, RunLifecycle } from "@switchyard/runs";
import { RunWorker } from "../worker/run-worker";
import { loadOrCreateSecret } from "./secrets";
import { loadTemplates } from "./templates";
import { GatewayCache } from "../worker/gateway-cache";
import { EXAMPLES_DIR, WEB_ROOT } from "./paths";
import { tracingFromEnv } from "../tracing";

export interface Runtime {
  db: Db;
  databaseUrl: string;
  url?: string;
  worker?: RunWorker;
  /** Stops taking requests, hands in-flight runs back to the queue, closes everything. */
  shutdown(): Promise<void>;
}

export interface RuntimeOptions {
  http: boolean;
  worker: boolean;
  log(message: string): void;
}

/**
 * Brings Switchyard up: database (embedded when no DATABASE_URL), migrations, the queue, and
 * then the HTTP server and/or a worker. `start` uses both; `worker` processes only the second.
 */
export async function startRuntime(env: Env, options: RuntimeOptions): Promise<Runtime> {
  const { log } = options;
  const dataDir = path.resolve(env.SWITCHYARD_DATA_DIR);
  const database = await ensureDatabase({ dataDir: path.join(dataDir, "postgres"), ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) });
  if (!env.DATABASE_URL) log(`using embedded PostgreSQL in ${path.join(dataDir, "postgres")}`);
  await migrateDatabase(database.databaseUrl);
  // Workers write events for many runs at once; the API streams them: more than pg's default 10.
  const db = createDb(database.databaseUrl, { poolSize: 20 });
  const boss = new PgBoss({ connectionString: database.databaseUrl, schema: "pgboss", max: 4 });
  boss.on("error", (error) => log(`queue: ${error.message}`));
  await boss.start();
  const jobs = new RunJobs(boss, db);
  await jobs.prepare();
  const lifecycle = new RunLifecycle({ db, dispatch: jobs, leaseMs: env.SWITCHYARD_LEASE_MS });
  const listener = new PgListener(database.databaseUrl, log);
  const vault = new CredentialVault(await loadOrCreateSecret(env.SWITCHYARD_CREDENTIAL_KEY, dataDir, "credential.key", 32, log));
  const providers = providerServices(gatewayConfigFromEnv(env));

  const gateways = new GatewayCache(providers.gatewayFor);
  // Only workers run flows, so only they trace; the SDK is not even loaded without a collector.
  const tracing = options.worker ? await tracingFromEnv(env, log) : undefined;
  const worker = options.worker
    ? new RunWorker({
        lifecycle,
        jobs,
        listener,
        workerId: `worker-${randomUUID().slice(0, 8)}`,
        gatewayFor: async (workspaceId) => gateways.get(await workspaceKeys(db, vault, workspaceId)),
        concurrency: env.WORKER_CONCURRENCY,
        ...(tracing ? { tracing } : {}),
        log,
      })
    : undefined;
  await worker?.start();

  let server: Server | undefined;
  let url: string | undefined;
  if (options.http) {
    const templates = await loadTemplates(EXAMPLES_DIR);
    // In the database, so every server process counts against the same budget.
    const limits = new PgRateLimitStore(db);
    const services: ApiServices = {
      runs: lifecycle,
      events: pgRunEventSource(db, listener),
      vault,
      providers,
      templates: () => templates,
      // NOTIFY reaches every API process; each fans it out to its own open streams.
      accessChanges: accessChangesOver({
        notify: async (payload) => void (await db.$executeRaw`SELECT pg_notify(${ACCESS_CHANGED_CHANNEL}, ${payload})`),
        listen: (handler) => listener.listen(ACCESS_CHANGED_CHANNEL, handler),
      }),
      rateLimits: defaultRateLimits(limits, { runStartPerMinute: env.SWITCHYARD_RUN_START_LIMIT, restPerMinute: env.SWITCHYARD_REST_LIMIT }),
    };
    const secret = env.SWITCHYARD_AUTH_SECRET ?? (await loadOrCreateSecret(undefined, dataDir, "auth.secret", 32, log)).toString("base64");
    server = await listen(env, (publicOrigin) => createAppServer({ db, auth: createAuth({ db, secret, baseURL: publicOrigin, signUpsPerMinute: env.SWITCHYARD_SIGNUP_LIMIT, rateLimitStore: limits }), services, publicOrigin, webRoot: WEB_ROOT, log }));
    const address = server.address() as AddressInfo;
    url = env.PUBLIC_URL ?? `http://localhost:${address.port}`;
  }

  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      if (server) {
        server.close();
        server.closeAllConnections();
      }
      await worker?.stop();
      // Spans of the runs finished so far go out before the process does.
      await tracing?.shutdown();
      await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
      await listener.close();
      await db.$disconnect();
      await database.stop();
    })());
  return { db, databaseUrl: database.databaseUrl, ...(url ? { url } : {}), ...(worker ? { worker } : {}), shutdown };
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
