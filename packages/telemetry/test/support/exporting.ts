import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect } from "vitest";
import type { RunEvent } from "@switchyard/core";
import {
  runTraceIds,
  startTracing,
  type RunTraceOptions,
  type TracingConfig,
} from "../../src/index";
import {
  startOtlpCollector,
  type CollectedSpan,
  type OtlpCollector,
} from "../../src/testing/otlp-collector";

/** Event streams recorded with `switchyard run <flow> --json --seed 1`. */
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");
export const recorded = (name: string): RunEvent[] =>
  readFileSync(path.join(FIXTURES, `${name}.events.jsonl`), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as RunEvent);

export const COLLECTOR_TOKEN = "collector-token-7f3a91";

export interface Exporting {
  /** The local OTLP collector of this test file (started before its tests). */
  readonly collector: OtlpCollector;
  /** Tracing settings that export to that collector, as JSON, with a short batch delay. */
  config(overrides?: Partial<TracingConfig>): TracingConfig;
  /** Exports one run's events through the real pipeline and returns the spans of its trace. */
  exportRun(
    events: RunEvent[],
    overrides?: Partial<TracingConfig>,
    options?: Partial<RunTraceOptions>,
  ): Promise<CollectedSpan[]>;
}

/** A collector for the test file and the real export pipeline pointed at it. */
export function useExporting(): Exporting {
  let collector: OtlpCollector | undefined;
  beforeAll(async () => {
    collector = await startOtlpCollector();
  });
  afterAll(() => collector?.close());
  const running = () => {
    if (!collector) throw new Error("the collector starts in beforeAll");
    return collector;
  };
  const config = (overrides: Partial<TracingConfig> = {}): TracingConfig => ({
    url: `${running().url}/v1/traces`,
    headers: { authorization: `Bearer ${COLLECTOR_TOKEN}` },
    protocol: "http/json",
    serviceName: "switchyard-test",
    content: true,
    timeoutMs: 5000,
    scheduledDelayMs: 20,
    ...overrides,
  });
  return {
    get collector() {
      return running();
    },
    config,
    async exportRun(events, overrides = {}, options = {}) {
      const logs: string[] = [];
      const since = running().requests.length;
      const tracing = await startTracing(config(overrides), (line) => logs.push(line));
      const run = tracing.startRun({ deterministicIds: true, ...options });
      for (const event of events) run.record(event);
      await tracing.shutdown();
      expect(logs).toEqual([]);
      const { traceId } = runTraceIds(events[0]!.runId);
      return running()
        .spans(since)
        .filter((s) => s.traceId === traceId);
    },
  };
}

/** The one span called `name` (fails the test if there are none or several). */
export const named = (spans: CollectedSpan[], name: string): CollectedSpan => {
  const found = spans.filter((s) => s.name === name);
  expect(found, `one span named '${name}' in ${spans.map((s) => s.name).join(", ")}`).toHaveLength(
    1,
  );
  return found[0]!;
};
