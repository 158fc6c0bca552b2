import { FLOW_FORMAT, type FlowDocumentInput } from "@switchyard/core";

/** Simulated model data: fixed latency, the whole reply at once, so only the engine is measured. */
const sim = (latencyMs: number, reply: string | string[] = "ok") => ({ latencyMs, tokensPerSecond: 0, reply });

/** model → model → … → output, each stage referencing the previous one. */
export function pipelineFlow(stages: number, latencyMs: number): FlowDocumentInput {
  const nodes: FlowDocumentInput["nodes"] = [{ id: "in", type: "input", data: { name: "q" } }];
  const edges: FlowDocumentInput["edges"] = [];
  for (let i = 0; i < stages; i++) {
    const previous = i === 0 ? "in" : `s${i - 1}`;
    nodes.push({ id: `s${i}`, type: "model", data: { model: "sim:fast", prompt: i === 0 ? "{{input.q}}" : `{{nodes.${previous}.text}}`, sim: sim(latencyMs) } });
    edges.push({ source: previous, target: `s${i}` });
  }
  nodes.push({ id: "out", type: "output" });
  edges.push({ source: `s${stages - 1}`, target: "out" });
  return { format: FLOW_FORMAT, name: `pipeline-${stages}`, inputs: [{ name: "q", type: "string" }], nodes, edges };
}

/** One input fanned out to N models, then a majority vote. */
export function fanOutFlow(branches: number, latencyMs: number): FlowDocumentInput {
  const nodes: FlowDocumentInput["nodes"] = [{ id: "in", type: "input", data: { name: "q" } }];
  const edges: FlowDocumentInput["edges"] = [];
  for (let i = 0; i < branches; i++) {
    nodes.push({ id: `m${i}`, type: "model", data: { model: "sim:fast", prompt: "{{input.q}}", sim: sim(latencyMs, i % 3 === 0 ? "B" : "C") } });
    edges.push({ source: "in", target: `m${i}` }, { source: `m${i}`, target: "vote" });
  }
  nodes.push({ id: "vote", type: "vote", data: { extract: { kind: "choice" } } }, { id: "out", type: "output" });
  edges.push({ source: "vote", target: "out" });
  return { format: FLOW_FORMAT, name: `fan-out-${branches}`, inputs: [{ name: "q", type: "string" }], nodes, edges };
}

/** fast → gate → (pass) out / (escalate) strong → out. About half the seeds escalate. */
export function cascadeFlow(latencyMs: number): FlowDocumentInput {
  return {
    format: FLOW_FORMAT,
    name: "cascade",
    inputs: [{ name: "q", type: "string" }],
    nodes: [
      { id: "in", type: "input", data: { name: "q" } },
      { id: "fast", type: "model", data: { model: "sim:fast", prompt: "{{input.q}}", confidence: "self-report", sim: sim(latencyMs, ["A. Confidence: 90%", "B. Confidence: 40%"]) } },
      { id: "gate", type: "gate", data: { threshold: 0.8 } },
      { id: "strong", type: "model", data: { model: "sim:strong", prompt: "{{input.q}}", sim: sim(latencyMs, "A") } },
      { id: "out", type: "output" },
    ],
    edges: [
      { source: "in", target: "fast" },
      { source: "fast", target: "gate" },
      { source: "gate", sourceHandle: "pass", target: "out" },
      { source: "gate", sourceHandle: "escalate", target: "strong" },
      { source: "strong", target: "out" },
    ],
  };
}
