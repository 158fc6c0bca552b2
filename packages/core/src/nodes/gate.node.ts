import { z } from "zod";
import { problem, type ValidationProblem } from "../validation/problems";
import { templateSchema } from "./shared/schemas";
import { defineNode, type FlowView } from "./node-types";

export const GATE_PORTS = ["pass", "escalate"] as const;

export const gateData = z
  .object({
    /** Pass when confidence ≥ threshold, escalate otherwise. */
    threshold: z.number().min(0).max(1),
    /**
     * Where the confidence comes from. By default the upstream node's `confidence` (a model's
     * self-report or logprobs, a vote's agreement); or a template such as `{{nodes.vote.agreement}}`.
     */
    source: templateSchema.optional(),
  })
  .strict();

/** Cascade step: forwards its input on `pass` when confident enough, else on `escalate`. */
export const gateNode = defineNode({
  type: "gate",
  label: "Confidence gate",
  description: "Passes its input on when confidence meets the threshold, escalates it otherwise.",
  category: "control",
  data: gateData,
  defaults: { threshold: 0.8 },
  inputs: "one",
  outputPorts: () => [...GATE_PORTS],
  fields: ["value", "text", "decision", "confidence", "threshold", "reason"],
  canFail: false,
  templates: (data) => (data.source === undefined ? [] : [data.source]),
  validate: (nodeId, _data, flow) => validateGate(nodeId, flow),
  execute(ctx) {
    const upstream = ctx.inputs[0];
    const rendered = ctx.data.source === undefined ? undefined : ctx.render(ctx.data.source).trim();
    // Number("") is 0: a source that renders nothing is a missing confidence, not a confidence of 0.
    const raw = ctx.data.source === undefined ? upstream?.output.confidence : rendered ? Number(rendered) : undefined;
    const confidence = typeof raw === "number" && Number.isFinite(raw) ? raw : undefined;
    const decision = confidence !== undefined && confidence >= ctx.data.threshold ? "pass" : "escalate";
    const reason =
      confidence === undefined
        ? "no confidence reported upstream; escalating"
        : `confidence ${confidence.toFixed(2)} ${decision === "pass" ? "≥" : "<"} threshold ${ctx.data.threshold}`;
    return {
      value: upstream?.value,
      port: decision,
      confidence,
      fields: { decision, threshold: ctx.data.threshold, reason, text: upstream?.output.text ?? "" },
    };
  },
});

function validateGate(nodeId: string, flow: FlowView): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const wired = new Set(flow.outgoing(nodeId).filter((e) => e.kind === "data").map((e) => e.sourceHandle));
  for (const port of GATE_PORTS) {
    if (!wired.has(port)) {
      problems.push(problem("gate-port-unwired", `gate '${nodeId}' has nothing connected to its '${port}' port`, { nodeId }));
    }
  }
  return problems;
}
