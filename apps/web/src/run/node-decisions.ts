import type { NodeRunView, VoteRowView } from "./run-view";
import { isRecord } from "../util/records";

/** The decision a vote, gate or router made, read from its `node.completed` output fields. */
export function decisionView(nodeType: string, output: Record<string, unknown>, confidence: number | undefined): Partial<NodeRunView> {
  switch (nodeType) {
    case "vote":
      return {
        vote: {
          answer: typeof output.answer === "string" ? output.answer : String(output.value ?? ""),
          agreement: typeof output.agreement === "number" ? output.agreement : 0,
          rows: Array.isArray(output.votes) ? output.votes.flatMap(voteRow) : [],
        },
      };
    case "gate":
      return {
        gate: {
          ...(confidence !== undefined ? { confidence } : {}),
          threshold: typeof output.threshold === "number" ? output.threshold : 0,
          decision: typeof output.decision === "string" ? output.decision : "escalate",
          ...(typeof output.reason === "string" ? { reason: output.reason } : {}),
        },
      };
    case "router":
      return typeof output.route === "string"
        ? { route: { name: output.route, ...(typeof output.reason === "string" ? { reason: output.reason } : {}) } }
        : {};
    default:
      return {};
  }
}

function voteRow(raw: unknown): VoteRowView[] {
  if (!isRecord(raw)) return [];
  const { nodeId, status, answer, weight } = raw;
  if (typeof nodeId !== "string") return [];
  return [
    {
      nodeId,
      status: typeof status === "string" ? status : "ok",
      ...(typeof answer === "string" ? { answer } : {}),
      ...(typeof weight === "number" ? { weight } : {}),
    },
  ];
}
