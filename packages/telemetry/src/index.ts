import type { TracingConfig, TracingLog } from "./config";
import type { RunTracing } from "./pipeline";

export type { OtlpProtocol, TracingConfig, TracingLog } from "./config";
export type { RunTracing } from "./pipeline";
export type { ResumedRun, RunTrace, RunTraceOptions } from "./run-trace";
export { requestedModels } from "./requested-models";
export { runTraceIds, type RootIds } from "./run-ids";

/**
 * Starts exporting run traces. The OpenTelemetry SDK is imported here, on first use: a host
 * without a collector configured never calls this, and loads none of it.
 */
export async function startTracing(config: TracingConfig, log: TracingLog): Promise<RunTracing> {
  const { createTracing } = await import("./pipeline");
  return createTracing(config, log);
}
