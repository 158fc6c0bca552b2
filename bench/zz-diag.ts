import { createTestDatabase } from "@switchyard/db";
import { BackendCpu } from "./server/cpu";
import { oneModelFlow } from "./server/flows";
import { startModelProcess } from "./server/model-process";
import { benchEnv, startBenchProcess } from "./server/processes";
import { benchAccount } from "./server/setup";
import { throughputPhase } from "./server/throughput";

const database = await createTestDatabase();
const model = await startModelProcess(50, 4000);
const backends = new BackendCpu(database.url, new URL(database.url).pathname.slice(1));
await backends.connect();
const env = await benchEnv(database.url, model.baseURL, JSON.parse(process.env.EXTRA_ENV ?? "{}"));
const server = await startBenchProcess("server", env);
const account = await benchAccount(server.url!);
const flowId = await account.importFlow(oneModelFlow());
const target = { urls: [server.url!], key: account.key, flowId };
const r = await throughputPhase(target, [server.pid], backends, Number(process.argv[2] ?? 50), 5000);
console.log(JSON.stringify(r, (k, v) => (typeof v === "number" ? Math.round(v * 10) / 10 : v)));
const rows = await database.db.$queryRaw<{ q: number; create_to_start: number; run_ms: number; node_ms: number }[]>`
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."startedAt" - r."createdAt") * 1000) AS create_to_start,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY r."latencyMs") AS run_ms,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY n."latencyMs") AS node_ms,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."finishedAt" - r."createdAt") * 1000) AS create_to_finish,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r."finishedAt" - r."createdAt") * 1000) AS create_to_finish_p90
  FROM run r JOIN node_result n ON n."runId" = r.id AND n."nodeId" = 'm'`;
console.log(rows);
console.log(await database.db.$queryRaw`SELECT attempts, interruptions, "lastInterruption", count(*)::int FROM run GROUP BY 1,2,3 ORDER BY 4 DESC`);
const slow = await database.db.$queryRaw<{ id: string; created: Date; started: Date; finished: Date }[]>`
  SELECT id, "createdAt" AS created, "startedAt" AS started, "finishedAt" AS finished FROM run ORDER BY "finishedAt" - "createdAt" DESC LIMIT 3`;
for (const r of slow) {
  const evs = await database.db.runEvent.findMany({ where: { runId: r.id }, select: { seq: true, type: true, payload: true, createdAt: true }, orderBy: { seq: "asc" } });
  console.log(r.id, "claimed after", r.started.getTime() - r.created.getTime(), "ms; finished after", r.finished.getTime() - r.created.getTime());
  for (const e of evs) console.log("  ", e.seq, e.type, (e.payload as { nodeId?: string }).nodeId, (e.payload as { attempt?: number }).attempt ?? "", "engine", new Date((e.payload as { time: string }).time).getTime() - r.created.getTime(), "stored", e.createdAt.getTime() - r.created.getTime());
}
await server.stop(); await backends.close(); await model.close(); await database.drop();
