/** How spans leave the process: OTLP over HTTP, as protobuf (what Phoenix accepts) or JSON. */
export type OtlpProtocol = "http/protobuf" | "http/json";

/** Everything the tracing pipeline needs, resolved by the host from its validated environment. */
export interface TracingConfig {
  /** The full traces URL, e.g. `http://localhost:6006/v1/traces`. */
  url: string;
  /** Sent with every export (collector auth); never logged. */
  headers: Record<string, string>;
  protocol: OtlpProtocol;
  /** `service.name` of the resource (and Phoenix's project name). */
  serviceName: string;
  /** Put inputs and outputs (prompts, answers) on spans; false keeps only names, numbers and statuses. */
  content: boolean;
  /** Deadline of one export including its retries, in ms. */
  timeoutMs: number;
  /** How long ended spans wait to share one export, in ms. */
  scheduledDelayMs: number;
}

/** Writes one line to wherever the host logs. */
export type TracingLog = (message: string) => void;
