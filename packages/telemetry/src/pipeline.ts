import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { AlwaysOnSampler, BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import type { TracingConfig, TracingLog } from "./config";
import { ReportingExporter } from "./reporting-exporter";
import { RunIdGenerator } from "./run-ids";
import { RunTrace, type RunTraceOptions } from "./run-trace";

/** A process's tracing: one per server, worker or CLI run. */
export interface RunTracing {
  /** The trace of one run; feed it the run's events in order. */
  startRun(options: RunTraceOptions): RunTrace;
  /** Exports every ended span; waits at most the export timeout and never rejects. */
  flush(): Promise<void>;
  /** Flushes and stops; for shutdown. */
  shutdown(): Promise<void>;
}

/** The SDK pipeline: a tracer provider whose batch processor sends spans to the OTLP exporter. */
export async function createTracing(config: TracingConfig, log: TracingLog): Promise<RunTracing> {
  const otlp = await otlpExporter(config);
  const exporter = new ReportingExporter(otlp, config.url, Object.values(config.headers), log);
  const ids = new RunIdGenerator();
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(
      // Phoenix files traces under the project named here.
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName, "openinference.project.name": config.serviceName }),
    ),
    idGenerator: ids,
    sampler: new AlwaysOnSampler(),
    spanProcessors: [
      new BatchSpanProcessor(exporter, {
        scheduledDelayMillis: config.scheduledDelayMs,
        exportTimeoutMillis: config.timeoutMs,
        maxQueueSize: 2048,
        maxExportBatchSize: 512,
      }),
    ],
  });
  const tracer = provider.getTracer("@switchyard/telemetry");
  const bounded = (work: Promise<void>) => withDeadline(work.catch(() => undefined), config.timeoutMs + 1000);
  return {
    startRun: (options) => new RunTrace({ tracer, ids, content: config.content, log }, options),
    flush: () => bounded(provider.forceFlush()),
    shutdown: () => bounded(provider.shutdown()),
  };
}

/** Loads only the exporter asked for. */
async function otlpExporter(config: TracingConfig): Promise<SpanExporter> {
  const options = { url: config.url, headers: config.headers, timeoutMillis: config.timeoutMs };
  if (config.protocol === "http/json") {
    const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
    return new OTLPTraceExporter(options);
  }
  const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-proto");
  return new OTLPTraceExporter(options);
}

function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
