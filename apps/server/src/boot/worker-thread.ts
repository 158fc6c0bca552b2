import { parentPort, workerData } from "node:worker_threads";
import { loadEnv } from "../env";
import { startWorkerRuntime } from "./worker-runtime";
import type { ThreadMessage, WorkerThreadData } from "./worker-thread-messages";

/**
 * The server's in-process worker, on a thread of its own: flows run here, so no run — however
 * much CPU its nodes take — holds up the HTTP server's event loop on the main thread.
 */
const data = workerData as WorkerThreadData;
const post = (message: ThreadMessage) => parentPort?.postMessage(message);
const log = (message: string) => post({ type: "log", message });

try {
  const runtime = await startWorkerRuntime({ env: loadEnv(data.env), databaseUrl: data.databaseUrl, credentialKey: Buffer.from(data.credentialKey, "base64"), log });
  parentPort?.on("message", (message: ThreadMessage) => {
    if (message.type !== "stop") return;
    runtime.stop().then(
      () => post({ type: "stopped" }),
      (error: unknown) => post({ type: "stopped", error: (error as Error).message }),
    );
  });
  post({ type: "ready" });
} catch (error) {
  post({ type: "failed", error: (error as Error).message });
}
