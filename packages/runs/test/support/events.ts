import type { RunEvent } from "@switchyard/core";

const time = () => new Date().toISOString();

export function started(runId: string, seq: number): RunEvent {
  return { type: "run.started", runId, seq, time: time(), flowName: "F", inputs: {}, seed: 1 };
}

export function delta(runId: string, seq: number, nodeId: string, text: string): RunEvent {
  return { type: "node.delta", runId, seq, time: time(), nodeId, text, attempt: 1 };
}

export function completedNode(runId: string, seq: number, nodeId: string, text: string, costUsd = 0.01): RunEvent {
  return { type: "node.completed", runId, seq, time: time(), nodeId, nodeType: "model", output: { value: text, text }, usage: { input: 3, output: 4 }, costUsd, latencyMs: 5, model: "sim:fast", simulated: true, attempts: 1 };
}

export function completedRun(runId: string, seq: number, answer: string): RunEvent {
  return { type: "run.completed", runId, seq, time: time(), outputs: { answer }, costUsd: 0.01, tokens: { input: 3, output: 4 }, latencyMs: 10 };
}
