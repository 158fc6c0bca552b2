import { loadEnv } from "./env";
import { startRuntime } from "./boot/runtime";

/** `pnpm start`: the app on one port, with an in-process worker; embedded Postgres when no DATABASE_URL. */
const log = (message: string) => console.log(`[switchyard] ${message}`);

let env;
try {
  env = loadEnv();
} catch (error) {
  console.error(`switchyard: ${(error as Error).message}`);
  process.exit(2);
}
const mode = process.argv[2] === "worker" ? "worker" : "server";
const runtime = await startRuntime(env, { http: mode === "server", worker: mode === "worker" || env.SWITCHYARD_IN_PROCESS_WORKER === "true", log }).catch((error: unknown) => {
  console.error(`switchyard: could not start: ${(error as Error).message}`);
  process.exit(1);
});
if (runtime.url) log(`Switchyard is running at ${runtime.url}`);
else log(`worker ready (${runtime.executesRuns ? "executing runs" : "idle"})`);

const stop = (signal: string) => {
  log(`${signal}: shutting down; runs in flight go back to the queue`);
  runtime.shutdown().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`switchyard: shutdown: ${(error as Error).message}`);
      process.exit(1);
    },
  );
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
