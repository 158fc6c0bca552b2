import { readFileSync } from "node:fs";
import path from "node:path";
import { FLOW_FORMAT, type FlowDocumentInput } from "@switchyard/core";
import { EXAMPLES_DIR } from "./services";

/** The smallest flow that runs: a question in, one simulated model, an answer out. */
export function askFlow(name = "Ask", model = "sim:fast") {
  return {
    format: FLOW_FORMAT,
    name,
    inputs: [{ name: "question", type: "string" }],
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      {
        id: "ask",
        type: "model",
        data: { model, prompt: "{{input.question}}", sim: { reply: "Canberra." } },
      },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "in", target: "ask" },
      { source: "ask", target: "out" },
    ],
  } satisfies FlowDocumentInput;
}

/** A saveable draft that can't run: the gate's escalate port leads nowhere. */
export function unwiredGateFlow(): FlowDocumentInput {
  return {
    format: FLOW_FORMAT,
    name: "Half-wired cascade",
    inputs: [{ name: "question", type: "string" }],
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      {
        id: "fast",
        type: "model",
        data: { model: "sim:fast", prompt: "{{input.question}}", confidence: "self-report" },
      },
      { id: "gate", type: "gate", data: { threshold: 0.8 } },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "in", target: "fast" },
      { source: "fast", target: "gate" },
      { source: "gate", sourceHandle: "pass", target: "out" },
    ],
  };
}

/** One of the repository's example flows, as a user would import it. */
export function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), "utf8")) as Record<
    string,
    unknown
  >;
}
