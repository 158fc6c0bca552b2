import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The compiled server, as `pnpm start` runs it (serverBench builds it first). */
const SERVER_BIN = path.join(ROOT, "apps/server/dist/main.js");

/** A server or worker process under test. */
export interface BenchProcess {
  child: ChildProcess;
  pid: number;
  url?: string;
  /** SIGTERM, and wait for it to exit. */
  stop(): Promise<void>;
  exited: Promise<void>;
}

/** The environment every process of one bench setup shares (one database, one set of secrets). */
export async function benchEnv(databaseUrl: string, modelBaseURL: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: "0",
    // The bench measures throughput, not the abuse limits.
    SWITCHYARD_REST_LIMIT: "100000",
    SWITCHYARD_RUN_START_LIMIT: "100000",
    SWITCHYARD_DATA_DIR: await mkdtemp(path.join(tmpdir(), "switchyard-bench-")),
    SWITCHYARD_AUTH_SECRET: randomBytes(32).toString("hex"),
    SWITCHYARD_CREDENTIAL_KEY: randomBytes(32).toString("base64"),
    SWITCHYARD_OPENAI_COMPATIBLE: JSON.stringify([{ name: "bench", baseURL: modelBaseURL }]),
    ...extra,
  };
}

/** Starts `pnpm start` (mode "server") or `pnpm worker`, resolving once it says it is ready. */
export async function startBenchProcess(mode: "server" | "worker", env: Record<string, string>, nodeArgs: string[] = []): Promise<BenchProcess> {
  const child = spawn(process.execPath, [...nodeArgs, SERVER_BIN, ...(mode === "worker" ? ["worker"] : [])], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let log = "";
  const url = await new Promise<string | undefined>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d.toString();
      if (process.env.BENCH_TRACE) process.stderr.write(d);
      const match = /running at (http\S+)/.exec(log);
      if (match) resolve(match[1]);
      else if (/worker ready/.test(log)) resolve(undefined);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then(() => reject(new Error(`${mode} exited before it was ready: ${log}`)));
  });
  return {
    child,
    pid: child.pid!,
    ...(url ? { url } : {}),
    exited,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
