import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { Browser, until } from "./support/browser";
import { serverEnv, startProcess, type ServerProcess } from "./support/processes";
import { askFlow } from "./support/flows";

const quick = askFlow("Quick", { latencyMs: 0 });

let database: TestDatabase;
let env: Record<string, string>;
const processes: ServerProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  env = await serverEnv(database.url, { SWITCHYARD_LEASE_MS: "1000" });
}, 60_000);

afterAll(async () => {
  for (const p of processes) p.kill("SIGKILL");
  await Promise.all(processes.map((p) => p.exited));
  await database?.drop();
});

async function server(): Promise<ServerProcess> {
  const started = await startProcess("server", env);
  processes.push(started);
  return started;
}

describe("a server that dies while starting a run", () => {
  it("leaves no run behind that nothing will ever execute", async () => {
    const first = await server();
    const alice = new Browser(first.url!);
    await alice.signUp(`crash-${Date.now()}@example.com`);
    const { workspaces } = await alice.query<{ workspaces: { id: string }[] }>("me.get");
    const { id: flowId } = await alice.mutate<{ id: string }>("flows.import", { workspaceId: workspaces[0]!.id, document: quick });

    // Holds the run's insert for a while, so the server can be killed between "run recorded" and
    // "job queued": the insert still completes once the server is gone, and must not count alone.
    await database.db.$executeRawUnsafe(`CREATE FUNCTION slow_run() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$`);
    await database.db.$executeRawUnsafe(`CREATE TRIGGER slow_run BEFORE INSERT ON "run" FOR EACH ROW EXECUTE FUNCTION slow_run()`);
    const runInsertWaiting = () =>
      database.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND pid <> pg_backend_pid()`.then(([row]) => (row?.n ?? 0) > 0);
    void alice.mutate("runs.start", { flowId, inputs: { question: "lost?" } }).catch(() => undefined);
    await until(runInsertWaiting, 10_000);
    first.kill("SIGKILL");
    await first.exited;
    await until(async () => !(await runInsertWaiting()), 10_000);
    await database.db.$executeRawUnsafe(`DROP TRIGGER slow_run ON "run"`);

    // A new server (with its worker) comes up on the same database: either the run and its job
    // were both recorded (and it runs now), or neither was. A run left queued would stay so.
    await server();
    const unfinished = () => database.db.run.count({ where: { status: { in: ["queued", "running"] } } });
    await until(async () => (await unfinished()) === 0, 5000).catch(() => undefined);
    expect(await unfinished()).toBe(0);
  }, 60_000);
});
