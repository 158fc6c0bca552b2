import type { RunError, RunEvent, RunEventMap, RunEventOf } from "../events/run-events";
import { InMemoryMemoryStore, type MemoryStore } from "../memory/memory-store";
import type { FailedInput, NodeInput, NodeOutput } from "../nodes/node-types";
import { addUsage, ZERO_USAGE } from "./cost";
import { Budget } from "./budget";
import { Semaphore } from "./semaphore";
import { newTally, type CallTally, type RunServices } from "./model-caller";
import { asRunError, completedState, failureTrigger, type NodeState, type SettledNode } from "./node-state";
import type { CompiledFlow, PlanEdge, PlanNode } from "./plan";
import { resolveRunInputs, RunInputError } from "./run-inputs";
import { DEFAULT_RUN_LIMITS, type RunOptions, type RunResult } from "./run-options";
import { createNodeContext, renderWith } from "./node-context";

/**
 * Runs a compiled flow. Nodes start as soon as everything they depend on has settled; independent
 * nodes run concurrently; untaken branches are skipped and the skip propagates; failures take
 * fallback edges or are absorbed by a vote's quorum, otherwise the run fails.
 */
export function runFlow(flow: CompiledFlow, options: RunOptions): Promise<RunResult> {
  return new RunExecution(flow, options).start();
}

let runCounter = 0;

class RunExecution {
  readonly runId: string;
  readonly seed: number;
  readonly memory: MemoryStore;
  readonly services: RunServices;
  readonly inputs: Record<string, unknown>;
  private readonly states: NodeState[];
  private readonly waitingOn: number[];
  private readonly ready: number[] = [];
  private readonly abort = new AbortController();
  private readonly now: () => number;
  private startedAt = 0;
  private seq: number;
  private settled = 0;
  private inFlight = 0;
  private draining = false;
  private completing = false;
  private lastTime = -1;
  private lastIso = "";
  private stop?: { kind: "cancelled"; reason: string } | { kind: "budget"; error: RunError };
  private usage = ZERO_USAGE;
  private costUsd = 0;
  private finish!: (result: RunResult) => void;

  constructor(
    readonly flow: CompiledFlow,
    readonly options: RunOptions,
  ) {
    this.runId = options.runId ?? `run-${Date.now().toString(36)}-${(runCounter++).toString(36)}`;
    this.seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    this.now = options.now ?? Date.now;
    this.memory = options.memory ?? new InMemoryMemoryStore();
    this.seq = (options.resume?.nextSeq ?? 1) - 1;
    this.states = flow.nodes.map(() => ({ status: "pending" }));
    this.waitingOn = flow.nodes.map((n) => n.dependencyCount);
    const resolved = resolveRunInputs(flow.inputs, options.inputs ?? {});
    if (!resolved.ok) throw new RunInputError(resolved.problems);
    this.inputs = resolved.values;
    const maxConcurrency = options.maxConcurrency ?? flow.document.settings?.maxConcurrency;
    this.services = {
      gateway: options.gateway,
      inFlight: new Set(),
      described: new Map(),
      describedSim: new WeakMap(),
      budget: options.budget ?? new Budget(options.budgetUsd ?? flow.document.settings?.budgetUsd),
      limits: { ...DEFAULT_RUN_LIMITS, ...options.limits },
      signal: this.abort.signal,
      seed: this.seed,
      emitNode: (type, nodeId, payload) => this.emit(type, { nodeId, ...payload } as never),
      ...(maxConcurrency ? { semaphore: new Semaphore(maxConcurrency) } : {}),
    };
  }

  start(): Promise<RunResult> {
    const done = new Promise<RunResult>((resolve) => (this.finish = resolve));
    const { resume, signal } = this.options;
    this.startedAt = resume?.startedAt ?? this.now();
    if (signal?.aborted) this.cancel();
    signal?.addEventListener("abort", () => this.cancel(), { once: true });
    if (!resume) {
      const budgetUsd = this.services.budget.limitUsd;
      this.emit("run.started", { flowName: this.flow.document.name, inputs: this.inputs, seed: this.seed, ...(budgetUsd ? { budgetUsd } : {}) });
    }
    for (const node of this.flow.nodes) {
      // Own properties only: a node id like "constructor" must not pick up Object.prototype members.
      const prior = resume && Object.hasOwn(resume.nodes, node.id) ? resume.nodes[node.id] : undefined;
      if (!prior) continue;
      // What the nodes cost before the interruption was spent from this run's budget.
      if (prior.status !== "skipped") this.services.budget.record(prior.costUsd);
      this.settle(node, prior, false);
    }
    // A restored vote may come before its branches in the document: absorb their failures once all are restored.
    for (const node of this.flow.nodes) {
      const status = this.states[node.index]!.status;
      if (node.type === "vote" && (status === "completed" || status === "failed")) this.absorbFailures(node);
    }
    for (const node of this.flow.nodes) {
      if (this.states[node.index]!.status === "pending" && this.waitingOn[node.index] === 0) this.ready.push(node.index);
    }
    this.drain();
    return done;
  }

  private cancel(): void {
    if (this.stop) return;
    this.stop = { kind: "cancelled", reason: String(this.options.signal?.reason ?? "cancelled") };
    this.abortAll();
  }

  private abortAll(): void {
    this.abort.abort();
    for (const call of this.services.inFlight) call.abort();
  }

  /** Starts or skips every ready node; skips cascade synchronously through this loop. */
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    while (this.ready.length > 0 && !this.stop) {
      const index = this.ready.shift()!;
      // On resume a node can be queued before its own prior state is restored, or queued twice: decide each pending node once.
      if (this.states[index]!.status === "pending") this.decide(this.flow.nodes[index]!);
    }
    this.draining = false;
    if (this.settled === this.flow.nodes.length || (this.stop && this.inFlight === 0)) void this.complete();
    else if (this.inFlight === 0 && this.ready.length === 0 && !this.stop) {
      // Unreachable for a validated (acyclic) flow; fail loudly rather than hang.
      this.stop = { kind: "budget", error: { code: "internal", message: "the run stalled with nodes still pending" } };
      void this.complete();
    }
  }

  private decide(node: PlanNode): void {
    if (node.incomingFallback.length > 0 && !node.incomingFallback.some((e) => this.fallbackFired(e))) {
      this.skip(node, "fallback not needed");
      return;
    }
    const inputs: NodeInput[] = [];
    const failed: FailedInput[] = [];
    let unhandled: string | undefined;
    let inherited: string | undefined;
    for (const edge of node.incomingData) {
      const source = this.states[edge.source]!;
      const sourceId = this.flow.nodes[edge.source]!.id;
      if (source.status === "completed" && !source.superseded && (edge.handle === undefined || edge.handle === source.port)) {
        inputs.push({ sourceId, value: source.output.value, output: source.output });
      } else if (source.status === "failed") {
        failed.push({ sourceId, message: source.error.message });
        if (!source.absorbed) unhandled ??= sourceId;
      } else if (source.status === "skipped" && source.reason.startsWith("upstream '")) {
        inherited ??= source.reason;
      }
    }
    if (node.type !== "vote" && unhandled !== undefined) {
      this.skip(node, `upstream '${unhandled}' failed`);
      return;
    }
    const isFallbackTarget = node.incomingFallback.length > 0;
    // Only a vote runs on failed inputs alone (to count them); other nodes skip, naming the failure that starved them.
    if (!isFallbackTarget && node.incomingData.length > 0 && inputs.length === 0 && (failed.length === 0 || node.type !== "vote")) {
      this.skip(node, failed[0] ? `upstream '${failed[0].sourceId}' failed` : (inherited ?? "branch not taken"));
      return;
    }
    void this.execute(node, inputs, failed);
  }

  private execute(node: PlanNode, inputs: NodeInput[], failed: FailedInput[]): void {
    this.states[node.index] = { status: "running" };
    this.inFlight++;
    this.emit("node.started", { nodeId: node.id, nodeType: node.type });
    const started = this.now();
    const tally = newTally();
    let result: NodeOutput | Promise<NodeOutput>;
    try {
      result = node.definition.execute(createNodeContext(this, node, inputs, failed, tally));
    } catch (error) {
      this.finishNode(node, started, tally, undefined, error);
      return;
    }
    // Synchronous nodes (input, gate, constant…) settle without a promise: no microtask per node.
    if (result instanceof Promise) {
      result.then(
        (output) => this.finishNode(node, started, tally, output),
        (error: unknown) => this.finishNode(node, started, tally, undefined, error),
      );
    } else this.finishNode(node, started, tally, result);
  }

  private finishNode(node: PlanNode, started: number, tally: CallTally, output: NodeOutput | undefined, error?: unknown): void {
    let outcome: SettledNode;
    if (output !== undefined) outcome = completedState(output, tally, this.now() - started);
    else {
      const failure = asRunError(error, node.id);
      outcome = { status: "failed", error: failure, usage: tally.usage, costUsd: tally.costUsd, latencyMs: this.now() - started };
      if (failure.code === "budget" && !this.stop) {
        this.stop = { kind: "budget", error: failure };
        this.abortAll();
      }
    }
    this.inFlight--;
    this.settle(node, outcome, true, tally);
    this.drain();
  }

  private skip(node: PlanNode, reason: string): void {
    this.settle(node, { status: "skipped", reason }, true);
  }

  /** Records a node's final state, emits its events, takes fallbacks and wakes its dependents. */
  private settle(node: PlanNode, outcome: SettledNode, live: boolean, tally?: CallTally): void {
    if (outcome.status !== "skipped") {
      this.usage = addUsage(this.usage, outcome.usage);
      this.costUsd += outcome.costUsd;
    }
    if (outcome.status === "completed") {
      const fired = node.outgoingFallback.filter(
        (e) => e.on.has("low_confidence") && outcome.confidence !== undefined && outcome.confidence < (e.threshold ?? 0),
      );
      this.states[node.index] = { ...outcome, superseded: fired.length > 0 };
      if (node.type === "vote") this.absorbFailures(node);
      if (live) {
        this.emit("node.completed", {
          nodeId: node.id,
          nodeType: node.type,
          output: outcome.output,
          usage: outcome.usage,
          costUsd: outcome.costUsd,
          latencyMs: outcome.latencyMs,
          ...(outcome.confidence !== undefined ? { confidence: outcome.confidence } : {}),
          ...(tally?.model !== undefined ? { model: tally.model, simulated: tally.simulated ?? false, attempts: tally.attempts } : {}),
          ...(outcome.replacedChars ? { replacedChars: outcome.replacedChars } : {}),
          ...(outcome.truncated ? { truncated: outcome.truncated } : {}),
        });
        for (const edge of fired) this.emit("node.fallback", { nodeId: node.id, from: node.id, to: this.flow.nodes[edge.target]!.id, reason: "low_confidence" });
      }
    } else if (outcome.status === "failed") {
      const trigger = failureTrigger(outcome.error);
      const fired = trigger ? node.outgoingFallback.filter((e) => e.on.has(trigger)) : [];
      this.states[node.index] = { ...outcome, absorbed: fired.length > 0 };
      // A vote that ran and failed (quorum missed) answers for its failed branches: its own failure or fallback decides the run.
      if (node.type === "vote") this.absorbFailures(node);
      if (live) {
        this.emit("node.failed", {
          nodeId: node.id,
          nodeType: node.type,
          error: outcome.error,
          latencyMs: outcome.latencyMs,
          usage: outcome.usage,
          costUsd: outcome.costUsd,
          ...(tally && tally.attempts > 0 ? { attempts: tally.attempts } : {}),
          ...(tally?.model !== undefined ? { model: tally.model } : {}),
        });
        for (const edge of fired) this.emit("node.fallback", { nodeId: node.id, from: node.id, to: this.flow.nodes[edge.target]!.id, reason: trigger! });
      }
    } else {
      this.states[node.index] = outcome;
      if (live) this.emit("node.skipped", { nodeId: node.id, nodeType: node.type, reason: outcome.reason });
    }
    this.settled++;
    for (const dependent of node.dependents) {
      if (--this.waitingOn[dependent]! === 0 && this.states[dependent]!.status === "pending") this.ready.push(dependent);
    }
  }

  /** A vote that ran (whether or not it reached its quorum) has dealt with its failed branches. */
  private absorbFailures(vote: PlanNode): void {
    for (const edge of vote.incomingData) {
      const state = this.states[edge.source]!;
      if (state.status === "failed") state.absorbed = true;
    }
  }

  private fallbackFired(edge: PlanEdge): boolean {
    const source = this.states[edge.source]!;
    if (source.status === "failed") {
      const trigger = failureTrigger(source.error);
      return trigger !== undefined && edge.on.has(trigger);
    }
    return (
      source.status === "completed" &&
      edge.on.has("low_confidence") &&
      source.confidence !== undefined &&
      source.confidence < (edge.threshold ?? 0)
    );
  }

  private async complete(): Promise<void> {
    if (this.completing) return;
    this.completing = true;
    const outputs: Record<string, unknown> = {};
    for (const { node, name } of this.flow.outputs) {
      const state = this.states[node.index]!;
      if (state.status === "completed") outputs[name] = state.output.value;
    }
    let error: RunError | undefined = this.stop?.kind === "budget" ? this.stop.error : undefined;
    if (!this.stop) {
      const failedNode = this.flow.nodes.find((n) => {
        const state = this.states[n.index]!;
        return state.status === "failed" && !state.absorbed;
      });
      if (failedNode) {
        const state = this.states[failedNode.index] as Extract<NodeState, { status: "failed" }>;
        error = { code: "node_failed", message: `node '${failedNode.id}' failed: ${state.error.message}`, nodeId: failedNode.id };
      } else {
        // Most flows have no after-run hooks (only memory nodes do): don't wait a tick for nothing.
        if (this.flow.nodes.some((n) => n.definition.afterRun)) error = await this.runAfterHooks(outputs);
      }
    }
    const totals = { outputs, costUsd: this.costUsd, tokens: this.usage, latencyMs: this.now() - this.startedAt };
    const status = this.stop?.kind === "cancelled" ? "cancelled" : error ? "failed" : "completed";
    if (status === "cancelled") this.emit("run.cancelled", { ...totals, reason: (this.stop as { reason: string }).reason });
    else if (error) this.emit("run.failed", { ...totals, error });
    else this.emit("run.completed", totals);
    const settledNodes = () => this.settledNodes();
    // Built on demand: hosts that persist node events never read it, and it costs a copy per node.
    this.finish({
      status,
      runId: this.runId,
      ...totals,
      ...(error ? { error } : {}),
      get nodes() {
        return settledNodes();
      },
    });
  }

  private async runAfterHooks(outputs: Record<string, unknown>): Promise<RunError | undefined> {
    for (const node of this.flow.nodes) {
      if (!node.definition.afterRun || this.states[node.index]!.status !== "completed") continue;
      try {
        await node.definition.afterRun({
          nodeId: node.id,
          data: node.data as never,
          outputs,
          render: (t) => this.render(t),
          memory: this.memory,
        });
      } catch (error) {
        return { code: "after_run", message: `node '${node.id}' could not save: ${(error as Error).message}`, nodeId: node.id };
      }
    }
    return undefined;
  }

  private settledNodes(): Record<string, SettledNode> {
    const nodes: Record<string, SettledNode> = {};
    for (const node of this.flow.nodes) {
      const state = this.states[node.index]!;
      if (state.status === "completed") {
        const { superseded: _superseded, ...settled } = state;
        nodes[node.id] = settled;
      } else if (state.status === "failed") {
        const { absorbed: _absorbed, ...settled } = state;
        nodes[node.id] = settled;
      } else if (state.status === "skipped") nodes[node.id] = state;
    }
    return nodes;
  }

  /** The output record of a completed node, as templates see it. */
  nodeOutput(id: string): Record<string, unknown> | undefined {
    const node = this.flow.byId.get(id);
    const state = node ? this.states[node.index] : undefined;
    return state?.status === "completed" ? state.output : undefined;
  }

  render(template: string): string {
    return renderWith(this, template);
  }

  emit<T extends keyof RunEventMap>(type: T, payload: Omit<RunEventOf<T>, "type" | "runId" | "seq" | "time">): RunEvent {
    const now = this.now();
    // Formatting a date is the priciest part of an event; many events share a millisecond.
    if (now !== this.lastTime) {
      this.lastTime = now;
      this.lastIso = new Date(now).toISOString();
    }
    const event = { type, runId: this.runId, seq: ++this.seq, time: this.lastIso, ...payload } as unknown as RunEvent;
    this.options.onEvent?.(event);
    return event;
  }

  get abortSignal(): AbortSignal {
    return this.abort.signal;
  }
}

export type { RunExecution };
export { RunInputError };
