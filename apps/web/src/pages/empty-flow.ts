import { FLOW_FORMAT, type FlowDocument } from "@switchyard/core";

/** What "New" opens: no nodes, one declared input so the default model prompt `{{input.question}}` resolves. */
export function emptyFlow(): FlowDocument {
  return { format: FLOW_FORMAT, name: "Untitled flow", inputs: [{ name: "question", type: "string" }], nodes: [], edges: [] };
}
