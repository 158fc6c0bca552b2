import { createHash, randomBytes } from "node:crypto";
import type { IdGenerator } from "@opentelemetry/sdk-trace-base";

/** The ids of a run's root span: a trace id (16 bytes) and span id (8 bytes), hex. */
export interface RootIds {
  traceId: string;
  spanId: string;
}

/**
 * Ids derived from the run id (SHA-256 of it), so every worker that executes part of a run (one
 * that crashed, the one that resumed it) puts its spans into the same trace under the same root.
 */
export function runTraceIds(runId: string): RootIds {
  const hash = createHash("sha256").update(`switchyard.run:${runId}`).digest("hex");
  return { traceId: hash.slice(0, 32), spanId: hash.slice(32, 48) };
}

/**
 * Random ids like the SDK's, except for the one span started inside `withIds`: the SDK asks its
 * id generator for a new root's ids synchronously in `startSpan`, so a run's root gets its own.
 */
export class RunIdGenerator implements IdGenerator {
  private next: Partial<RootIds> = {};

  withIds<T>(ids: RootIds, start: () => T): T {
    this.next = { ...ids };
    try {
      return start();
    } finally {
      this.next = {};
    }
  }

  generateTraceId(): string {
    const id = this.next.traceId ?? randomBytes(16).toString("hex");
    delete this.next.traceId;
    return id;
  }

  generateSpanId(): string {
    const id = this.next.spanId ?? randomBytes(8).toString("hex");
    delete this.next.spanId;
    return id;
  }
}
