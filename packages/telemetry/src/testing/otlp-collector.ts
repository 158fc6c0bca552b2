import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One span as a test reads it back from an OTLP/HTTP JSON export. */
export interface CollectedSpan {
  traceId: string;
  spanId: string;
  /** "" for a root span. */
  parentSpanId: string;
  name: string;
  startMs: number;
  endMs: number;
  attributes: Record<string, unknown>;
  /** 0 unset, 1 ok, 2 error. */
  status: { code: number; message?: string };
  events: { name: string; attributes: Record<string, unknown> }[];
  resource: Record<string, unknown>;
}

export interface CollectedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A stand-in for Phoenix or Langfuse in tests: an HTTP server taking OTLP exports on /v1/traces,
 * keeping every request byte for byte, and decoding the JSON ones into spans. Set `respondWith`
 * to make it refuse exports.
 */
export interface OtlpCollector {
  url: string;
  /** Everything posted to it, raw. */
  requests: CollectedRequest[];
  /** The status it answers exports with (200 by default). */
  respondWith: number;
  /** The spans of every JSON export so far, or of those from request number `since` on. */
  spans(since?: number): CollectedSpan[];
  /** Resolves once `ready(spans)` holds, checking as exports arrive; rejects after `timeoutMs`. */
  waitFor(ready: (spans: CollectedSpan[]) => boolean, timeoutMs?: number): Promise<CollectedSpan[]>;
  close(): Promise<void>;
}

export async function startOtlpCollector(): Promise<OtlpCollector> {
  const requests: CollectedRequest[] = [];
  const listeners = new Set<() => void>();
  const collector: OtlpCollector = {
    url: "",
    requests,
    respondWith: 200,
    spans: (since = 0) =>
      requests
        .slice(since)
        .filter((r) => String(r.headers["content-type"]).startsWith("application/json"))
        .flatMap((r) => decodeJsonExport(r.body)),
    waitFor: (ready, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const spans = collector.spans();
          if (!ready(spans)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(spans);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `the collector did not get the expected spans within ${timeoutMs} ms; it has:\n${collector
                .spans()
                .map((s) => s.name)
                .join("\n")}`,
            ),
          );
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      if (req.url !== "/v1/traces") return void res.writeHead(404).end();
      const json = String(req.headers["content-type"]).startsWith("application/json");
      res
        .writeHead(collector.respondWith, {
          "content-type": json ? "application/json" : "application/x-protobuf",
        })
        .end(json ? "{}" : undefined);
      for (const listener of [...listeners]) listener();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  collector.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return collector;
}

interface JsonAnyValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: JsonAnyValue[] };
}
type JsonAttributes = { key: string; value: JsonAnyValue }[] | undefined;
interface JsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  attributes?: JsonAttributes;
  status?: { code?: number; message?: string };
  events?: { name: string; attributes?: JsonAttributes }[];
}
interface JsonExport {
  resourceSpans?: {
    resource?: { attributes?: JsonAttributes };
    scopeSpans?: { spans?: JsonSpan[] }[];
  }[];
}

/** Decodes an ExportTraceServiceRequest in OTLP's JSON encoding. */
export function decodeJsonExport(body: Buffer): CollectedSpan[] {
  const request = JSON.parse(body.toString("utf8")) as JsonExport;
  return (request.resourceSpans ?? []).flatMap((rs) => {
    const resource = attributesOf(rs.resource?.attributes);
    return (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ?? "",
        name: span.name,
        startMs: nanosToMs(span.startTimeUnixNano),
        endMs: nanosToMs(span.endTimeUnixNano),
        attributes: attributesOf(span.attributes),
        status: {
          code: span.status?.code ?? 0,
          ...(span.status?.message ? { message: span.status.message } : {}),
        },
        events: (span.events ?? []).map((e) => ({
          name: e.name,
          attributes: attributesOf(e.attributes),
        })),
        resource,
      })),
    );
  });
}

function attributesOf(list: JsonAttributes): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, valueOf(value)]));
}

function valueOf(value: JsonAnyValue): unknown {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(valueOf);
  return undefined;
}

function nanosToMs(nanos: string | number): number {
  return Number(BigInt(nanos) / 1_000_000n);
}
