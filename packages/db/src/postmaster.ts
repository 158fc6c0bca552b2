import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

/** What a data directory's postmaster.pid says about the server that wrote it. */
export interface PostmasterInfo {
  pid: number;
  port: number;
}

export function readPostmaster(dataDir: string): PostmasterInfo | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port } : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` is a postgres server for this data directory (not a process that reused the pid). */
export function isPostmasterOf(pid: number, dataDir: string): boolean {
  const args = processInfo(pid, "args");
  return args !== undefined && args.includes("postgres") && args.includes(dataDir);
}

/** A server whose parent is gone outlived a crashed process: nobody will stop it but us. */
export function isOrphan(pid: number): boolean {
  const ppid = Number(processInfo(pid, "ppid"));
  return !Number.isInteger(ppid) || ppid <= 1 || !isAlive(ppid);
}

/**
 * Prepares a data directory whose server died without cleaning up. PostgreSQL removes a stale
 * postmaster.pid itself unless its pid now belongs to another live process, which is common in
 * containers; only then do we delete the file.
 */
export function clearStalePostmaster(dataDir: string): void {
  const info = readPostmaster(dataDir);
  if (info && isAlive(info.pid) && !isPostmasterOf(info.pid, dataDir)) {
    rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
  }
}

/** Stops a server we did not start (SIGINT is PostgreSQL's fast shutdown) and waits for it. */
export async function stopPostmaster(pid: number, timeoutMs = 30_000): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  await waitForExit(pid, timeoutMs);
}

export async function waitForExit(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`PostgreSQL (pid ${pid}) did not stop within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function processInfo(pid: number, field: "args" | "ppid"): string | undefined {
  try {
    if (field === "args") return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so parse after ")".
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1];
  } catch {
    // No /proc (macOS): ask ps.
    try {
      return (
        execFileSync("ps", ["-o", `${field}=`, "-p", String(pid)], { encoding: "utf8" }).trim() ||
        undefined
      );
    } catch {
      return undefined;
    }
  }
}
