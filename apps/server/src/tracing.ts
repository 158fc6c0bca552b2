import { startTracing, type RunTracing, type TracingConfig, type TracingLog } from "@switchyard/telemetry";
import type { Env } from "./env";

/** The tracing configuration, or undefined when no collector is configured (or OTEL_SDK_DISABLED). */
export function tracingConfigFromEnv(env: Env): TracingConfig | undefined {
  if (env.OTEL_SDK_DISABLED === "true") return undefined;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  // The base URL may carry a path (Langfuse: …/api/public/otel); the signal's path goes after it.
  const url = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base.replace(/\/+$/, "")}/v1/traces` : undefined);
  if (!url) return undefined;
  return {
    url,
    headers: { ...env.OTEL_EXPORTER_OTLP_HEADERS, ...env.OTEL_EXPORTER_OTLP_TRACES_HEADERS },
    protocol: env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? "http/protobuf",
    serviceName: env.OTEL_SERVICE_NAME,
    content: env.SWITCHYARD_OTEL_CONTENT === "true",
    timeoutMs: env.OTEL_EXPORTER_OTLP_TIMEOUT,
    scheduledDelayMs: env.OTEL_BSP_SCHEDULE_DELAY,
  };
}

/** Starts run tracing when the environment configures a collector; otherwise loads nothing. */
export async function tracingFromEnv(env: Env, log: TracingLog): Promise<RunTracing | undefined> {
  const config = tracingConfigFromEnv(env);
  return config ? startTracing(config, log) : undefined;
}
