import { ROOT_CONTEXT, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer } from "@opentelemetry/api";
import type { RunError, RunEvent, RunEventOf } from "@switchyard/core";
import { ATTR, contentAttributes, decisionAttributes, errorAttributes, modelAttributes, spanKindOf, usageAttributes } from "./attributes";
import { attemptWindows } from "./attempts";
import { runTraceIds, type RunIdGenerator } from "./run-ids";
import type { TracingLog } from "./config";

/** A run that started on another worker: its `run.started` event was seen there, not here. */
export interface ResumedRun {
  runId: string;
  flowName: string;
  seed: number;
  inputs: Record<string, unknown>;
  /** When the run first started. */
  startedAt: Date;
}

export interface RunTraceOptions {
  /**
   * Derive the trace and root span ids from the run id, so the spans of a run resumed on another
   * worker join the first worker's trace. Off for the CLI, whose run ids are unique only per process.
   */
  deterministicIds: boolean;
  /** The model each node asked for, by node id (`gen_ai.request.model`). */
  requestedModels?: Readonly<Record<string, string>>;
  resumed?: ResumedRun;
}

export interface RunTraceDeps {
  tracer: Tracer;
  ids: RunIdGenerator;
  content: boolean;
  log: TracingLog;
}

type Settled = RunEventOf<"node.completed"> | RunEventOf<"node.failed">;

interface NodeSpan {
  nodeId: string;
  span: Span;
  context: Context;
  startMs: number;
  retries: RunEventOf<"node.retry">[];
  fallbackTo: string[];
  /** Set once the node settled; the span ends at this time when the next event arrives. */
  endMs?: number;
}

/**
 * Turns one run's event stream into spans as the events arrive: a root span for the run, a child
 * per node, and under a node that retried a child per model attempt. Spans take their start and
 * end times from the events, so they are exact however late they are built. A settled node's span
 * stays open until the next event that is not its own `node.fallback`, which names where it went.
 */
export class RunTrace {
  private root?: { span: Span; context: Context; runId: string };
  private readonly nodes = new Map<string, NodeSpan>();
  private settled: NodeSpan[] = [];
  private readonly fallbackFrom = new Map<string, RunEventOf<"node.fallback">>();
  private done = false;

  constructor(
    private readonly deps: RunTraceDeps,
    private readonly options: RunTraceOptions,
  ) {
    const resumed = options.resumed;
    if (resumed) {
      this.startRoot(resumed.runId, resumed.startedAt, { [ATTR.flowName]: resumed.flowName, [ATTR.seed]: resumed.seed, [ATTR.runResumed]: true }, resumed.inputs);
    }
  }

  /** Takes the run's next event. Never throws: a tracing bug must not fail a run. */
  record(event: RunEvent): void {
    if (this.done) return;
    try {
      this.apply(event);
    } catch (error) {
      this.done = true;
      this.deps.log(`tracing: stopped tracing run ${event.runId}: ${(error as Error).message}`);
    }
  }

  /** Drops what is still open: the run went back to the queue and another worker will finish it. */
  abandon(): void {
    this.done = true;
  }

  private apply(event: RunEvent): void {
    if (event.type !== "node.fallback") this.endSettled();
    if (event.type === "run.started") {
      const budget = event.budgetUsd !== undefined ? { [ATTR.budgetUsd]: event.budgetUsd } : {};
      this.startRoot(event.runId, new Date(event.time), { [ATTR.flowName]: event.flowName, [ATTR.seed]: event.seed, ...budget }, event.inputs);
      return;
    }
    const root = this.root ?? this.startRoot(event.runId, new Date(event.time), {}, undefined);
    switch (event.type) {
      case "node.started":
        this.startNode(root.context, event.nodeId, event.nodeType, Date.parse(event.time));
        break;
      case "node.retry":
        this.nodes.get(event.nodeId)?.retries.push(event);
        break;
      case "node.completed":
      case "node.failed":
        this.settle(root.context, event);
        break;
      case "node.skipped": {
        const time = Date.parse(event.time);
        const node = this.startNode(root.context, event.nodeId, event.nodeType, time);
        node.span.setAttributes({ [ATTR.nodeStatus]: "skipped", [ATTR.skipReason]: event.reason });
        node.span.end(time);
        this.nodes.delete(event.nodeId);
        break;
      }
      case "node.fallback": {
        const node = this.settled.find((n) => n.nodeId === event.from);
        node?.fallbackTo.push(event.to);
        node?.span.setAttributes({ [ATTR.fallbackTo]: node.fallbackTo.join(", "), [ATTR.fallbackReason]: event.reason });
        this.fallbackFrom.set(event.to, event);
        break;
      }
      case "run.completed":
      case "run.failed":
      case "run.cancelled":
        this.endRun(root.span, event);
        break;
      case "node.delta":
        break;
    }
  }

  private startRoot(runId: string, start: Date, attributes: Attributes, inputs: Record<string, unknown> | undefined) {
    const flowName = attributes[ATTR.flowName];
    const open = () =>
      this.deps.tracer.startSpan(
        typeof flowName === "string" ? `run ${flowName}` : "run",
        {
          startTime: start,
          attributes: {
            [ATTR.spanKind]: "CHAIN",
            [ATTR.runId]: runId,
            ...attributes,
            ...(this.deps.content && inputs ? contentAttributes("input", inputs) : {}),
          },
        },
        ROOT_CONTEXT,
      );
    const span = this.options.deterministicIds ? this.deps.ids.withIds(runTraceIds(runId), open) : open();
    this.root = { span, context: trace.setSpan(ROOT_CONTEXT, span), runId };
    return this.root;
  }

  private startNode(parent: Context, nodeId: string, nodeType: string, startMs: number): NodeSpan {
    const from = this.fallbackFrom.get(nodeId);
    const span = this.deps.tracer.startSpan(
      `${nodeType} ${nodeId}`,
      {
        startTime: startMs,
        attributes: {
          [ATTR.spanKind]: spanKindOf(nodeType),
          [ATTR.runId]: this.root?.runId ?? "",
          [ATTR.nodeId]: nodeId,
          [ATTR.nodeType]: nodeType,
          ...(from ? { [ATTR.fallbackFrom]: from.from, [ATTR.fallbackFromReason]: from.reason } : {}),
        },
      },
      parent,
    );
    const node: NodeSpan = { nodeId, span, context: trace.setSpan(parent, span), startMs, retries: [], fallbackTo: [] };
    this.nodes.set(nodeId, node);
    return node;
  }

  private settle(parent: Context, event: Settled): void {
    const endMs = Date.parse(event.time);
    const node = this.nodes.get(event.nodeId) ?? this.startNode(parent, event.nodeId, event.nodeType, endMs - event.latencyMs);
    const { span } = node;
    const retried = node.retries.length > 0;
    const requested = this.options.requestedModels?.[event.nodeId];
    const completed = event.type === "node.completed";
    span.setAttributes({
      [ATTR.nodeStatus]: completed ? "completed" : "failed",
      [ATTR.latencyMs]: event.latencyMs,
      ...(event.attempts !== undefined ? { [ATTR.attempts]: event.attempts } : {}),
      ...(completed && event.confidence !== undefined ? { [ATTR.confidence]: event.confidence } : {}),
      ...(completed ? decisionAttributes(event.nodeType, event.output, this.deps.content) : {}),
      ...(event.model !== undefined ? modelAttributes(event.model, requested, completed ? event.simulated : undefined) : {}),
    });
    // Several calls under one node: it is a chain of LLM spans, each of which holds its own usage.
    if (retried) span.setAttribute(ATTR.spanKind, "CHAIN");
    const payload = completed ? this.payload(event) : { input: {}, output: {} };
    if (!retried) {
      if (event.model !== undefined) span.setAttributes(usageAttributes(event.usage, event.costUsd));
      span.setAttributes({ ...payload.input, ...payload.output });
    } else {
      span.setAttributes(payload.output);
      this.attemptSpans(node, event, requested, { ...payload.input, ...payload.output });
    }
    if (completed) span.setStatus({ code: SpanStatusCode.OK });
    else markFailed(span, event.error, endMs);
    node.endMs = endMs;
    this.settled.push(node);
    this.nodes.delete(event.nodeId);
  }

  /** input.value (a model's prompt) and output.value of a completed node, when content is on. */
  private payload(event: RunEventOf<"node.completed">): { input: Attributes; output: Attributes } {
    if (!this.deps.content) return { input: {}, output: {} };
    const { output } = event;
    return {
      input: event.nodeType === "model" ? contentAttributes("input", output.prompt) : {},
      output: contentAttributes("output", output.text ?? output.value),
    };
  }

  private attemptSpans(node: NodeSpan, event: Settled, requested: string | undefined, payload: Attributes): void {
    const model = event.model ?? requested;
    const windows = attemptWindows(node.startMs, node.retries, Date.parse(event.time));
    for (const window of windows) {
      const span = this.deps.tracer.startSpan(
        `${model ?? event.nodeType} attempt ${window.attempt}`,
        {
          startTime: window.startMs,
          attributes: {
            [ATTR.spanKind]: "LLM",
            [ATTR.runId]: this.root?.runId ?? "",
            [ATTR.nodeId]: event.nodeId,
            [ATTR.nodeType]: event.nodeType,
            [ATTR.attempt]: window.attempt,
            ...(model !== undefined ? modelAttributes(model, requested, undefined) : {}),
          },
        },
        node.context,
      );
      if (window.retry) {
        span.setAttribute(ATTR.retryDelayMs, window.retry.delayMs);
        markFailed(span, window.retry.error, window.endMs);
      } else if (event.type === "node.completed") {
        span.setAttributes({ ...usageAttributes(event.usage, event.costUsd), ...payload });
        span.setStatus({ code: SpanStatusCode.OK });
      } else markFailed(span, event.error, window.endMs);
      span.end(window.endMs);
    }
  }

  private endSettled(): void {
    for (const node of this.settled) node.span.end(node.endMs);
    this.settled = [];
  }

  private endRun(root: Span, event: Extract<RunEvent, { type: "run.completed" | "run.failed" | "run.cancelled" }>): void {
    const endMs = Date.parse(event.time);
    // Nodes still open when the run ended (cancelled mid-call, budget stop) end with it.
    for (const node of this.nodes.values()) node.span.end(endMs);
    this.nodes.clear();
    const status = event.type === "run.completed" ? "completed" : event.type === "run.failed" ? "failed" : "cancelled";
    root.setAttributes({
      [ATTR.runStatus]: status,
      [ATTR.runCostUsd]: event.costUsd,
      [ATTR.runInputTokens]: event.tokens.input,
      [ATTR.runOutputTokens]: event.tokens.output,
      [ATTR.runLatencyMs]: event.latencyMs,
      ...(this.deps.content ? contentAttributes("output", event.outputs) : {}),
    });
    if (event.type === "run.failed") markFailed(root, event.error, endMs);
    else if (event.type === "run.cancelled") root.setAttribute(ATTR.cancelReason, event.reason);
    else root.setStatus({ code: SpanStatusCode.OK });
    root.end(endMs);
    this.done = true;
  }
}

/** ERROR status with the failure's code and message, and an `exception` event as Phoenix shows them. */
function markFailed(span: Span, error: RunError, timeMs: number): void {
  span.setAttributes(errorAttributes(error));
  // A cancelled run is nobody's error.
  if (error.code === "cancelled") return;
  span.setStatus({ code: SpanStatusCode.ERROR, message: `${error.code}: ${error.message}` });
  span.addEvent("exception", { "exception.type": error.code, "exception.message": error.message }, timeMs);
}
