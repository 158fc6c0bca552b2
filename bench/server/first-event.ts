import { quantile } from "./load";

/**
 * `concurrency` runs started at once without waiting (`POST …/runs`), each followed over SSE:
 * start → first event, the moment a watching canvas starts to move.
 */
export async function firstEventPhase(url: string, key: string, flowId: string, concurrency: number): Promise<{ concurrency: number; p50Ms: number; p99Ms: number }> {
  const times = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const started = performance.now();
      const res = await fetch(`${url}/api/v1/flows/${flowId}/runs`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: '{"inputs":{"q":"first?"}}' });
      const { runId } = (await res.json()) as { runId: string };
      const controller = new AbortController();
      const stream = await fetch(`${url}/api/v1/runs/${runId}/events`, { headers: { authorization: `Bearer ${key}` }, signal: controller.signal });
      const reader = stream.body!.getReader();
      let text = "";
      while (!text.includes("\ndata: ")) text += new TextDecoder().decode((await reader.read()).value ?? new Uint8Array());
      const firstEventMs = performance.now() - started;
      // Let the run finish before the next phase, without holding this reader's connection.
      controller.abort();
      return firstEventMs;
    }),
  );
  return { concurrency, p50Ms: quantile(times, 0.5), p99Ms: quantile(times, 0.99) };
}
