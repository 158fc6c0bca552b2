import type { BenchProcess } from "./processes";

/**
 * A run whose worker is SIGKILLed in the middle of a model call, with a second worker running:
 * the time from the kill to the next event of the run (the new worker taking it over).
 */
export async function takeoverPhase(options: {
  url: string;
  key: string;
  flowId: string;
  /** The worker that will take the run (started first, alone). */
  victim: BenchProcess;
  startSurvivor(): Promise<BenchProcess>;
  /** Resolves once the slow model call of the run has reached the model server. */
  callArrived(): Promise<void>;
}): Promise<{ takeoverMs: number; completed: boolean; survivor: BenchProcess }> {
  const auth = { authorization: `Bearer ${options.key}`, "content-type": "application/json" };
  const started = await fetch(`${options.url}/api/v1/flows/${options.flowId}/runs`, { method: "POST", headers: auth, body: '{"inputs":{"q":"take over"}}' });
  const { runId } = (await started.json()) as { runId: string };
  const arrived = options.callArrived();
  const events: { type: string; at: number }[] = [];
  const following = (async () => {
    let last = 0;
    // The stream is resumed across reconnects, as an EventSource would.
    while (!events.some((e) => e.type.startsWith("run."))) {
      const res = await fetch(`${options.url}/api/v1/runs/${runId}/events`, { headers: { ...auth, "last-event-id": String(last) } });
      let buffer = "";
      for await (const chunk of res.body!) {
        buffer += Buffer.from(chunk as Uint8Array).toString("utf8");
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(frame)?.[1];
          const type = /^event: (\S+)$/m.exec(frame)?.[1];
          if (id && type) {
            last = Number(id);
            events.push({ type: type === "run.started" ? "started" : type, at: performance.now() });
          }
        }
      }
    }
  })();
  await arrived;
  const survivor = await options.startSurvivor();
  const killedAt = performance.now();
  options.victim.child.kill("SIGKILL");
  await options.victim.exited;
  await following;
  const next = events.find((e) => e.at > killedAt);
  return { takeoverMs: next ? next.at - killedAt : NaN, completed: events.at(-1)?.type === "run.completed", survivor };
}
