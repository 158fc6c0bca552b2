import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
/** The compiled server, as `pnpm start` runs it (built before the tests by build-server.ts). */
const SERVER_BIN = path.join(ROOT, "apps/server/dist/main.js");

/**
 * The environment of a server or worker process on `databaseUrl`: any free port, its own data
 * directory and fresh secrets (shared by every process started with it), plus `overrides`.
 */
export async function serverEnv(
  databaseUrl: string,
  overrides: Record<string, string> = {},
): Promise<Record<string, string>> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: "0",
    SWITCHYARD_DATA_DIR: await mkdtemp(path.join(tmpdir(), "switchyard-data-")),
    SWITCHYARD_AUTH_SECRET: randomBytes(32).toString("hex"),
    SWITCHYARD_CREDENTIAL_KEY: randomBytes(32).toString("base64"),
    ...overrides,
  };
}

/** A `start` or `worker` process of the real server, as a user would run it. */
export interface ServerProcess {
  child: ChildProcess;
  url?: string;
  output: string[];
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
}

export async function startProcess(
  mode: "server" | "worker",
  env: Record<string, string>,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_BIN, ...(mode === "worker" ? ["worker"] : [])], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const ready = new Promise<string | undefined>((resolve, reject) => {
    const onData = (data: Buffer) => {
      for (const line of data.toString("utf8").split("\n").filter(Boolean)) {
        output.push(line);
        const url = /running at (http\S+)/.exec(line)?.[1];
        if (url) resolve(url);
        if (/worker ready/.test(line)) resolve(undefined);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) =>
      setTimeout(
        () =>
          reject(
            new Error(`${mode} exited with ${code} before it was ready:\n${output.join("\n")}`),
          ),
        50,
      ),
    );
  });
  const url = await ready;
  return {
    child,
    output,
    exited,
    kill: (signal = "SIGTERM") => child.kill(signal),
    ...(url ? { url } : {}),
  };
}
