import { prepareFlow, type CompiledFlow } from "../engine/plan";
import { runFlow } from "../engine/executor";
import type { RunOptions, RunResult } from "../engine/run-options";
import type { RunEvent, RunEventOf, RunEventType } from "../events/run-events";
import { FLOW_FORMAT, type FlowDocumentInput } from "../flow/flow-schema";

/** A flow document from nodes and edges, with the boilerplate filled in. */
export function flow(parts: Partial<FlowDocumentInput> & Pick<FlowDocumentInput, "nodes">): FlowDocumentInput {
  return { format: FLOW_FORMAT, name: "test", inputs: [{ name: "question", type: "string" }], edges: [], ...parts };
}

export function compile(doc: unknown): CompiledFlow {
  const prepared = prepareFlow(doc);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join("\n"));
  return prepared.flow;
}

export async function run(doc: unknown, options: RunOptions): Promise<{ result: RunResult; events: RunEvent[] }> {
  const events: RunEvent[] = [];
  const result = await runFlow(compile(doc), { seed: 1, inputs: { question: "q" }, ...options, onEvent: (e) => events.push(e) });
  return { result, events };
}

/** The event types of a node, in order. */
export function nodeEvents(events: readonly RunEvent[], nodeId: string): string[] {
  return events.filter((e) => "nodeId" in e && e.nodeId === nodeId).map((e) => e.type);
}

/** The events of one type, typed. */
export function eventsOf<T extends RunEventType>(events: readonly RunEvent[], type: T): RunEventOf<T>[] {
  // The union narrows by `type`, but TypeScript cannot relate it to the generic RunEventOf<T>.
  return events.filter((e) => e.type === type) as unknown as RunEventOf<T>[];
}

/** The one event of `type` for `nodeId`; throws when there is none, so tests fail with a clear message. */
export function nodeEvent<T extends RunEventType>(events: readonly RunEvent[], type: T, nodeId: string): RunEventOf<T> {
  const found = eventsOf(events, type).find((e) => "nodeId" in e && e.nodeId === nodeId);
  if (!found) throw new Error(`no ${type} event for node '${nodeId}' (its events: ${nodeEvents(events, nodeId).join(", ") || "none"})`);
  return found;
}

/** The output record of a node that completed. */
export function outputOf(events: readonly RunEvent[], nodeId: string): Record<string, unknown> {
  return nodeEvent(events, "node.completed", nodeId).output;
}

/** The events with the fields that legitimately vary between identical runs removed. */
export function withoutTimings(events: readonly RunEvent[]): unknown[] {
  return events.map((event) => {
    const { time: _time, ...rest } = event;
    if ("latencyMs" in rest) {
      const { latencyMs: _latency, ...stable } = rest;
      return stable;
    }
    return rest;
  });
}
