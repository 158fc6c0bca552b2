import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { ensureDatabase } from "./database.ts";
import { readPostmaster, waitForExit } from "./postmaster.ts";

const holder = mkdtempSync(path.join(os.tmpdir(), "switchyard-embedded-test-"));
chmodSync(holder, 0o755); // as root the server runs as `postgres`, which must reach the folder
const dataDir = path.join(holder, "postgres");

afterAll(() => rmSync(holder, { recursive: true, force: true }));

async function query<T>(databaseUrl: string, sql: string): Promise<T[]> {
  const db = createDb(databaseUrl, { poolSize: 1 });
  try {
    return await db.$queryRawUnsafe<T[]>(sql);
  } finally {
    await db.$disconnect();
  }
}

/** The uid the server runs as (root hands it to `postgres`), so the impostor pid is one PostgreSQL may signal. */
function serverUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }));
  return { uid: id("-u"), gid: id("-g") };
}

// Slow (initdb, several server starts), so all of it lives in one test.
describe("embedded PostgreSQL", () => {
  it("starts in an empty folder, keeps data across restarts and recovers from a crash", async () => {
    const first = await ensureDatabase({ dataDir });
    expect(first.embedded).toBe(true);
    await query(first.databaseUrl, "CREATE TABLE kept (value text)");
    await query(first.databaseUrl, "INSERT INTO kept VALUES ('still here')");

    // A second caller while it runs joins the same server and leaves it running.
    const joined = await ensureDatabase({ dataDir });
    expect(joined.databaseUrl).toBe(first.databaseUrl);
    await joined.stop();
    expect(await query(first.databaseUrl, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await first.stop();

    const restarted = await ensureDatabase({ dataDir });
    expect(await query(restarted.databaseUrl, "SELECT value FROM kept")).toEqual([
      { value: "still here" },
    ]);

    // Crash: the server dies without cleaning up, and its pid now belongs to another process.
    const crashed = readPostmaster(dataDir);
    if (!crashed) throw new Error("no postmaster.pid while running");
    process.kill(crashed.pid, "SIGKILL");
    await waitForExit(crashed.pid);
    const pidFile = path.join(dataDir, "postmaster.pid");
    const lines = readFileSync(pidFile, "utf8").split("\n");
    const impostor = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], {
      stdio: "ignore",
      ...serverUser(),
    });
    writeFileSync(pidFile, [String(impostor.pid), ...lines.slice(1)].join("\n"));

    const recovered = await ensureDatabase({ dataDir }).finally(() => impostor.kill());
    expect(await query(recovered.databaseUrl, "SELECT value FROM kept")).toEqual([
      { value: "still here" },
    ]);
    await recovered.stop();
    expect(readPostmaster(dataDir)).toBeUndefined();
  });

  it("uses a given URL as it is", async () => {
    const given = await ensureDatabase({
      databaseUrl: "postgresql://u@db.example:5432/x",
      dataDir,
    });
    expect(given).toMatchObject({
      databaseUrl: "postgresql://u@db.example:5432/x",
      embedded: false,
    });
    await given.stop();
  });
});
