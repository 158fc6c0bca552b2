/** The smallest flow that runs: in → one simulated model node `ask` → out (`answer`). */
export function askFlow(name = "Ask", sim: { reply?: string; latencyMs?: number } = {}) {
  return {
    format: "switchyard.flow/v1",
    name,
    inputs: [{ name: "question", type: "string" }],
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: "ask", type: "model", data: { model: "sim:fast", prompt: "{{input.question}}", sim: { reply: sim.reply ?? "Canberra.", latencyMs: sim.latencyMs ?? 5 } } },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "in", target: "ask" },
      { source: "ask", target: "out" },
    ],
  };
}

/** In → a subflow node `nodeId` running the saved flow `flow` → out. */
export function subflowFlow(name: string, flow: string, nodeId: string) {
  return {
    format: "switchyard.flow/v1",
    name,
    inputs: [{ name: "question", type: "string" }],
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: nodeId, type: "subflow", data: { flow, inputs: { question: "{{input.question}}" } } },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "in", target: nodeId },
      { source: nodeId, target: "out" },
    ],
  };
}
