import { prepareFlow, type CompiledFlow } from "../engine/plan";
import { runFlow } from "../engine/executor";
import type { RunOptions, RunResult } from "../engine/run-options";
import type { RunEvent } from "../events/run-events";
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
