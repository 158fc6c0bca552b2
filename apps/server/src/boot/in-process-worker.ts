import { Worker } from "node:worker_threads";
import type { ThreadMessage, WorkerThreadData } from "./worker-thread-messages";

// Compiled, the thread's own bundle sits beside this one; from source, a shim runs it through tsx.
const ENTRY = import.meta.url.endsWith(".js") ? new URL("./worker-thread.js", import.meta.url) : new URL("../../bin/worker-thread.mjs", import.meta.url);
const RESTART_MS = 1000;

export interface InProcessWorker {
  /** Hands the thread's runs back to the queue and ends the thread. */
  stop(): Promise<void>;
}

/**
 * Runs the worker on a thread of this process, and starts it again should it die (out of memory,
 * a crash): its runs' leases then lapse and the lifecycle queues them again, as for any worker.
 */
export async function startInProcessWorker(data: WorkerThreadData, log: (message: string) => void): Promise<InProcessWorker> {
  let stopping = false;
  let current: Worker;

  const spawn = () =>
    new Promise<Worker>((resolve, reject) => {
      const thread = new Worker(ENTRY, { workerData: data });
      thread.on("message", (message: ThreadMessage) => {
        if (message.type === "log") log(message.message);
        else if (message.type === "ready") resolve(thread);
        else if (message.type === "failed") reject(new Error(`the worker could not start: ${message.error}`));
      });
      thread.on("error", (error) => log(`worker thread: ${error.message}`));
      thread.once("exit", (code) => {
        if (stopping || thread !== current) return;
        log(`the in-process worker stopped unexpectedly (exit ${code}); starting it again`);
        setTimeout(() => void spawn().then((next) => (current = next), (error: unknown) => log((error as Error).message)), RESTART_MS);
      });
      current = thread;
    });

  current = await spawn();
  return {
    async stop() {
      stopping = true;
      const thread = current;
      const stopped = new Promise<void>((resolve) => {
        thread.on("message", (message: ThreadMessage) => {
          if (message.type !== "stopped") return;
          if (message.error) log(`worker shutdown: ${message.error}`);
          resolve();
        });
        thread.once("exit", () => resolve());
      });
      thread.postMessage({ type: "stop" } satisfies ThreadMessage);
      await stopped;
      await thread.terminate();
    },
  };
}
