import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "@switchyard/db";
import { BackendCpu } from "./cpu";
import { firstEventPhase } from "./first-event";
import { fiveNodeSimFlow, oneModelFlow } from "./flows";
import { quantile, type LoadTarget } from "./load";
import { startModelProcess } from "./model-process";
import { benchEnv, startBenchProcess, type BenchProcess } from "./processes";
import { COMPONENTS, cpuByComponent } from "./profile";
import { checkRuns } from "./run-check";
import { benchAccount } from "./setup";
import { takeoverPhase } from "./takeover";
import { throughputPhase, type ThroughputResult } from "./throughput";
import { memoryPhase } from "./memory";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MODEL_LATENCY_MS = 50;
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

/**
 * `pnpm bench --only=server`: Switchyard's server under load on this machine, every figure from
 * this one invocation. Programs start runs over REST and wait for their answers
 * (`POST /api/v1/flows/:id/runs?wait=true`, an API key) while a local OpenAI-protocol model
 * answers each call in 50 ms. Measured: runs/s and latency at 1, 10, 50 and 200 concurrent
 * requests, CPU per run of the server's processes and of their Postgres backends (and where the
 * server's goes, from a CPU profile), start → first event at 50 concurrent runs, memory through a
 * 20 MB reply and 500 concurrent runs, two API and two worker processes against one, and how long
 * a run waits after its worker is SIGKILLed. The figures go to bench/results/server.json.
 */
export async function serverBench(options: { quick: boolean }): Promise<void> {
  const seconds = options.quick ? 3000 : 8000;
  const database = await createTestDatabase();
  const model = await startModelProcess(MODEL_LATENCY_MS, 4000);
  const backends = new BackendCpu(database.url, new URL(database.url).pathname.slice(1));
  await backends.connect();
  const env = await benchEnv(database.url, model.baseURL);
  const processes: BenchProcess[] = [];
  const start = async (mode: "server" | "worker", extra: Record<string, string> = {}, nodeArgs: string[] = []) => {
    const started = await startBenchProcess(mode, { ...env, ...extra }, nodeArgs);
    processes.push(started);
    return started;
  };
  try {
    // ── One process: the API and its worker thread, as `pnpm start` runs them ──
    const server = await start("server");
    const account = await benchAccount(server.url!);
    const flowId = await account.importFlow(oneModelFlow());
    const simFlowId = await account.importFlow(fiveNodeSimFlow);
    const slowFlowId = await account.importFlow(oneModelFlow("bench:slow"));
    const target: LoadTarget = { urls: [server.url!], key: account.key, flowId };
    await throughputPhase(target, [server.pid], backends, 20, 3000); // warm-up

    const alone = await throughputPhase(target, [server.pid], backends, 1, seconds);
    const modelMs = await database.db.nodeResult.findMany({ where: { nodeId: "m" }, select: { latencyMs: true }, orderBy: { createdAt: "desc" }, take: alone.runs });
    const modelP50 = quantile(modelMs.map((r) => r.latencyMs ?? 0), 0.5);
    const levels: ThroughputResult[] = [alone];
    for (const concurrency of [10, 50, 200]) levels.push(await throughputPhase(target, [server.pid], backends, concurrency, seconds));
    const sim = await throughputPhase({ ...target, flowId: simFlowId }, [server.pid], backends, 200, seconds);
    const firstEvent = await firstEventPhase(server.url!, account.key, flowId, 50);
    const memory = await memoryPhase({ target, pid: server.pid, account, seconds: seconds / 2 });
    await server.stop();

    // ── Where the server's CPU goes: the same load on a server with the V8 profiler on ──
    // BENCH_SERVER_PROFILE_DIR keeps the profiles (one per thread) to open in DevTools.
    const profileDir = process.env.BENCH_SERVER_PROFILE_DIR ?? mkdtempSync(path.join(tmpdir(), "switchyard-profile-"));
    const profiled = await start("server", {}, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`]);
    const profiledTarget = { ...target, urls: [profiled.url!] };
    await throughputPhase(profiledTarget, [profiled.pid], backends, 20, 2000);
    const underProfile = await throughputPhase(profiledTarget, [profiled.pid], backends, 200, seconds);
    await profiled.stop();
    const byComponent = cpuByComponent(profileDir);
    const sampledMs = Object.values(byComponent).reduce((a, b) => a + b, 0);
    const at200 = levels.at(-1)!;
    const components = Object.fromEntries(COMPONENTS.map((c) => [c, (byComponent[c] / sampledMs) * at200.serverCpuMsPerRun]));

    // ── Scale out on the queue: one API and one worker process, then two of each ──
    const split = { SWITCHYARD_IN_PROCESS_WORKER: "false" };
    const api1 = await start("server", split);
    const worker1 = await start("worker");
    const phaseStart = new Date();
    const one = await throughputPhase({ ...target, urls: [api1.url!] }, [api1.pid, worker1.pid], backends, 200, seconds);
    const api2 = await start("server", split);
    const worker2 = await start("worker");
    const two = await throughputPhase({ ...target, urls: [api1.url!, api2.url!] }, [api1.pid, api2.pid, worker1.pid, worker2.pid], backends, 200, seconds);
    const consistency = await checkRuns(database.db, phaseStart, one.runs + two.runs);
    await Promise.all([worker1.stop(), worker2.stop(), api2.stop()]);

    // ── Takeover: the worker holding a run is SIGKILLed mid-call; another is running ──
    const before = await model.calls();
    const victim = await start("worker");
    const takeover = await takeoverPhase({
      url: api1.url!,
      key: account.key,
      flowId: slowFlowId,
      victim,
      startSurvivor: () => start("worker"),
      callArrived: async () => {
        while ((await model.calls()) === before) await new Promise((resolve) => setTimeout(resolve, 10));
      },
    });

    report({ levels, sim, modelP50, firstEvent, memory, components, underProfile, one, two, consistency, takeover });
  } finally {
    for (const p of processes) p.child.kill("SIGKILL");
    await Promise.all(processes.map((p) => p.exited));
    await backends.close();
    await model.close();
    await database.drop();
  }
}

function report(r: {
  levels: ThroughputResult[];
  sim: ThroughputResult;
  modelP50: number;
  firstEvent: { concurrency: number; p50Ms: number; p99Ms: number };
  memory: { concurrency: number; peakRssMb: number; hugeReplyPeakRssMb: number; idleRssMb: number };
  components: Record<string, number>;
  underProfile: ThroughputResult;
  one: ThroughputResult;
  two: ThroughputResult;
  consistency: Awaited<ReturnType<typeof checkRuns>>;
  takeover: { takeoverMs: number; completed: boolean };
}): void {
  const alone = r.levels[0]!;
  const overheadMs = alone.p50Ms - r.modelP50;
  console.log(`\n## Server: REST runs waiting for their answer, one model call of ${MODEL_LATENCY_MS} ms each\n`);
  console.log("| flow | concurrent requests | runs/s | p50 / p99 ms | CPU ms per run: server + its Postgres backends = total | peak RSS MB |");
  console.log("|---|---|---|---|---|---|");
  for (const [flow, level] of [...r.levels.map((l) => ["one model", l] as const), ["5-node sim", r.sim] as const]) {
    console.log(`| ${flow} | ${level.concurrency} | ${fmt(level.runsPerSecond)} | ${fmt(level.p50Ms)} / ${fmt(level.p99Ms)} | ${fmt(level.serverCpuMsPerRun)} + ${fmt(level.postgresCpuMsPerRun)} = ${fmt(level.cpuMsPerRun)} | ${fmt(level.peakRssMb, 0)} |`);
  }
  console.log(`\none at a time: ${fmt(alone.p50Ms)} ms p50 of which the model call took ${fmt(r.modelP50)} ms → the server adds ${fmt(overheadMs)} ms`);
  console.log(`start → first event at ${r.firstEvent.concurrency} concurrent runs: p50 ${fmt(r.firstEvent.p50Ms)} ms, p99 ${fmt(r.firstEvent.p99Ms)} ms`);
  console.log(`\nwhere the server's CPU goes at 200 concurrent (ms per run, from a CPU profile of the same load): ${Object.entries(r.components).map(([c, ms]) => `${c} ${fmt(ms, 2)}`).join(" · ")}`);
  console.log(`\nscale-out at 200 concurrent: 1 API + 1 worker process ${fmt(r.one.runsPerSecond)} runs/s, 2 + 2 ${fmt(r.two.runsPerSecond)} runs/s → ×${fmt(r.two.runsPerSecond / r.one.runsPerSecond, 2)}; ${r.consistency.runs} runs, ${r.consistency.lost} lost, ${r.consistency.unfinished} unfinished, ${r.consistency.badSequences} with a gap or a repeat in their events`);
  console.log(`takeover after SIGKILL mid-call: next event ${fmt(r.takeover.takeoverMs, 0)} ms after the kill; the run ${r.takeover.completed ? "completed" : "did NOT complete"}`);
  console.log(`memory: ${fmt(r.memory.idleRssMb, 0)} MB idle, peak ${fmt(r.memory.peakRssMb, 0)} MB at ${r.memory.concurrency} concurrent runs, peak ${fmt(r.memory.hugeReplyPeakRssMb, 0)} MB through a 20 MB streamed reply`);

  const at = (c: number) => r.levels.find((l) => l.concurrency === c)!;
  const json = {
    commit: execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim(),
    measuredAt: new Date().toISOString(),
    modelLatencyMs: MODEL_LATENCY_MS,
    runsPerSecond: { oneModel: Object.fromEntries(r.levels.map((l) => [l.concurrency, l.runsPerSecond])), fiveNodeSim: { 200: r.sim.runsPerSecond } },
    cpuMsPerRun: { concurrency: 200, total: at(200).cpuMsPerRun, server: at(200).serverCpuMsPerRun, postgres: at(200).postgresCpuMsPerRun, byComponent: r.components, byConcurrency: Object.fromEntries(r.levels.map((l) => [l.concurrency, l.cpuMsPerRun])) },
    p50Ms: Object.fromEntries(r.levels.map((l) => [l.concurrency, l.p50Ms])),
    p99Ms: Object.fromEntries(r.levels.map((l) => [l.concurrency, l.p99Ms])),
    overheadMsAlone: overheadMs,
    firstEventP99Ms: { concurrency: r.firstEvent.concurrency, value: r.firstEvent.p99Ms },
    takeoverMs: r.takeover.takeoverMs,
    scaleOut: { concurrency: 200, oneAndOne: r.one.runsPerSecond, twoAndTwo: r.two.runsPerSecond, ratio: r.two.runsPerSecond / r.one.runsPerSecond, ...r.consistency },
    peakRssMb: { concurrency: r.memory.concurrency, concurrentRuns: r.memory.peakRssMb, hugeReply: r.memory.hugeReplyPeakRssMb, idle: r.memory.idleRssMb },
  };
  mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench/results/server.json"), `${JSON.stringify(json, null, 2)}\n`);
  console.log("\nwritten to bench/results/server.json");
}
