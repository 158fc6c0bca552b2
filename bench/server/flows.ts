import { FLOW_FORMAT } from "@switchyard/core";

const model = (id: string, modelId: string, prompt: string) => ({ id, type: "model", data: { model: modelId, prompt, retry: { maxAttempts: 1 } } });

/** In → one model call on the bench's OpenAI-protocol server → out: what the Flowise comparison ran. */
export function oneModelFlow(modelId = "bench:fast") {
  return {
    format: FLOW_FORMAT,
    name: `bench one model (${modelId})`,
    inputs: [{ name: "q", type: "string" }],
    nodes: [{ id: "in", type: "input", data: { name: "q" } }, model("m", modelId, "{{input.q}}"), { id: "out", type: "output", data: { name: "answer" } }],
    edges: [
      { source: "in", target: "m" },
      { source: "m", target: "out" },
    ],
  };
}

/** A pipeline of three simulated models that answer at once: the server's own cost, nothing else. */
export const fiveNodeSimFlow = {
  format: FLOW_FORMAT,
  name: "bench-5",
  inputs: [{ name: "q", type: "string" }],
  nodes: [
    { id: "in", type: "input", data: { name: "q" } },
    ...[1, 2, 3].map((i) => ({ id: `m${i}`, type: "model", data: { model: "sim:fast", prompt: i === 1 ? "{{input.q}}" : `{{nodes.m${i - 1}.text}}`, sim: { latencyMs: 0, tokensPerSecond: 0, reply: `step ${i}` } } })),
    { id: "out", type: "output", data: { name: "answer" } },
  ],
  edges: [
    { source: "in", target: "m1" },
    { source: "m1", target: "m2" },
    { source: "m2", target: "m3" },
    { source: "m3", target: "out" },
  ],
};
