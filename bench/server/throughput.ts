import { BackendCpu, processCpuMs, rssMb } from "./cpu";
import { closedLoop, quantile, type LoadTarget } from "./load";

/** One closed-loop phase at one concurrency, with what it cost the machine. */
export interface ThroughputResult {
  concurrency: number;
  runs: number;
  failures: number;
  runsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU of the server's processes per run, in ms. */
  serverCpuMsPerRun: number;
  /** CPU of their Postgres backends per run, in ms. */
  postgresCpuMsPerRun: number;
  cpuMsPerRun: number;
  peakRssMb: number;
}

/**
 * Runs `concurrency` clients for `durationMs` against the API processes of `target`, measuring the
 * CPU every process in `pids` and every Postgres backend of the database spent meanwhile.
 */
export async function throughputPhase(target: LoadTarget, pids: number[], backends: BackendCpu, concurrency: number, durationMs: number): Promise<ThroughputResult> {
  const cpuBefore = pids.map((pid) => processCpuMs(pid) ?? 0);
  const pgBefore = await backends.snapshot();
  let peakRssMb = 0;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, pids.reduce((sum, pid) => sum + rssMb(pid), 0))), 100);
  const load = await closedLoop(target, concurrency, durationMs);
  clearInterval(sampler);
  const serverCpu = pids.reduce((sum, pid, i) => sum + ((processCpuMs(pid) ?? 0) - cpuBefore[i]!), 0);
  const postgresCpu = BackendCpu.spent(pgBefore, await backends.snapshot());
  const per = (ms: number) => (load.runs > 0 ? ms / load.runs : NaN);
  return {
    concurrency,
    runs: load.runs,
    failures: load.failures,
    runsPerSecond: load.runsPerSecond,
    p50Ms: quantile(load.latencies, 0.5),
    p99Ms: quantile(load.latencies, 0.99),
    serverCpuMsPerRun: per(serverCpu),
    postgresCpuMsPerRun: per(postgresCpu),
    cpuMsPerRun: per(serverCpu + postgresCpu),
    peakRssMb,
  };
}
