import { prepareFlow, runFlow, type CompiledFlow, type RunEvent } from "@switchyard/core";
import { createModelGateway } from "@switchyard/providers";
import { cascadeFlow, fanOutFlow, pipelineFlow } from "./flows";

/**
 * One engine scenario, measured in this (fresh) process: warm-up, then repeated runs.
 * Prints one JSON line: median wall time, the ideal critical path, nodes, peak RSS.
 */
export interface ScenarioResult {
  name: string;
  latencyMs: number;
  nodes: number;
  repetitions: number;
  medianMs: number;
  idealMs: number;
  overheadPerNodeMs: number;
  efficiency?: number;
  escalationRate?: number;
  peakRssMb: number;
}

const gateway = createModelGateway();

function compile(doc: unknown): CompiledFlow {
  const prepared = prepareFlow(doc);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join("; "));
  return prepared.flow;
}

async function timeRun(flow: CompiledFlow, seed: number, onEvent?: (e: RunEvent) => void): Promise<number> {
  const started = performance.now();
  const result = await runFlow(flow, { gateway, inputs: { q: "Which letter?" }, seed, ...(onEvent ? { onEvent } : {}) });
  if (result.status !== "completed") throw new Error(`run ${result.status}: ${result.error?.message}`);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measure(name: string, latencyMs: number, repetitions: number): Promise<ScenarioResult> {
  const peak = () => process.resourceUsage().maxRSS / 1024;
  if (name === "cascades-200") {
    // 200 small cascades one after another: the unit is the batch, its ideal the sum of model calls on each path.
    const flow = compile(cascadeFlow(latencyMs));
    const batches: number[] = [];
    let ideal = 0;
    let escalated = 0;
    // Warm-up like the other scenarios (thousands of node executions, as in a long-running server):
    // one batch of 200 small runs leaves the JIT half-done and the median would measure compilation.
    const warmUp = latencyMs === 0 ? 5 : 1;
    for (let rep = 0; rep < repetitions + warmUp; rep++) {
      let calls = 0;
      let escalations = 0;
      const started = performance.now();
      for (let i = 0; i < 200; i++) {
        await timeRun(flow, rep * 1000 + i, (e) => {
          if (e.type === "node.started" && (e.nodeId === "fast" || e.nodeId === "strong")) calls++;
          if (e.type === "node.started" && e.nodeId === "strong") escalations++;
        });
      }
      const wall = performance.now() - started;
      if (rep < warmUp) continue;
      batches.push(wall);
      ideal = calls * latencyMs;
      escalated = escalations / 200;
    }
    const medianMs = median(batches);
    return { name, latencyMs, nodes: 200 * 5, repetitions, medianMs, idealMs: ideal, overheadPerNodeMs: (medianMs - ideal) / 1000, escalationRate: escalated, peakRssMb: peak() };
  }
  const doc = name === "pipeline-100" ? pipelineFlow(100, latencyMs) : fanOutFlow(50, latencyMs);
  const flow = compile(doc);
  const idealMs = name === "pipeline-100" ? 100 * latencyMs : latencyMs;
  // Warm-up: let the JIT compile the hot paths, as in a long-running server.
  for (let i = 0; i < (latencyMs === 0 ? 30 : 2); i++) await timeRun(flow, i);
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) times.push(await timeRun(flow, i));
  const medianMs = median(times);
  const nodes = flow.nodes.length;
  return {
    name,
    latencyMs,
    nodes,
    repetitions,
    medianMs,
    idealMs,
    overheadPerNodeMs: (medianMs - idealMs) / nodes,
    ...(name === "fan-out-50" && latencyMs > 0 ? { efficiency: idealMs / medianMs } : {}),
    peakRssMb: peak(),
  };
}

if (process.argv[2]) {
  const [name, latency, reps] = process.argv.slice(2);
  const result = await measure(name!, Number(latency), Number(reps));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
