/** What a closed-loop load phase measured. */
export interface LoadResult {
  concurrency: number;
  runs: number;
  failures: number;
  wallMs: number;
  runsPerSecond: number;
  latencies: number[];
}

export interface LoadTarget {
  /** API processes to spread requests over (round robin). */
  urls: string[];
  key: string;
  flowId: string;
}

/**
 * `concurrency` clients, each starting one run and waiting for its answer
 * (`POST /api/v1/flows/:id/runs?wait=true`, as a program using the REST API does) and then the
 * next, for `durationMs`. Runs/s is completed runs over the wall time.
 */
export async function closedLoop(target: LoadTarget, concurrency: number, durationMs: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const url = target.urls[next++ % target.urls.length]!;
      const t = performance.now();
      const res = await fetch(`${url}/api/v1/flows/${target.flowId}/runs?wait=true`, {
        method: "POST",
        headers: { authorization: `Bearer ${target.key}`, "content-type": "application/json" },
        body: '{"inputs":{"q":"What is the capital of Australia?"}}',
      }).catch(() => undefined);
      const body = res ? ((await res.json().catch(() => ({}))) as { status?: string }) : {};
      if (res?.status === 200 && body.status === "completed") latencies.push(performance.now() - t);
      else failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const wallMs = performance.now() - started;
  return { concurrency, runs: latencies.length, failures, wallMs, runsPerSecond: (latencies.length / wallMs) * 1000, latencies };
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
