import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import type { TracingLog } from "./config";

/**
 * Wraps the OTLP exporter to say, in one log line, when exports start failing (collector down,
 * refusing, auth wrong) and once more when they work again; runs never wait on it. The line names
 * the collector without credentials and redacts header values, should an error quote them.
 */
export class ReportingExporter implements SpanExporter {
  private failing = false;

  constructor(
    private readonly inner: SpanExporter,
    private readonly url: string,
    private readonly secrets: readonly string[],
    private readonly log: TracingLog,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      if (result.code === ExportResultCode.SUCCESS) {
        if (this.failing) this.log(`tracing: exporting spans to ${describeUrl(this.url)} works again`);
        this.failing = false;
      } else if (!this.failing) {
        this.failing = true;
        this.log(`tracing: could not export ${spans.length} span${spans.length === 1 ? "" : "s"} to ${describeUrl(this.url)} (${this.reason(result.error)}); runs go on without them`);
      }
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }

  private reason(error: Error | undefined): string {
    const code = (error as { code?: unknown } | undefined)?.code;
    let text = [typeof code === "number" ? `HTTP ${code}` : undefined, error?.message].filter(Boolean).join(" ") || "unknown error";
    for (const secret of this.secrets) if (secret.length > 0) text = text.split(secret).join("[redacted]");
    return text.slice(0, 200);
  }
}

/** The URL as safe to print: no user info, query or fragment. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "the configured collector";
  }
}
