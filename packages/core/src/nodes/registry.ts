import type { NodeDefinition } from "./node-types";
import { constantNode } from "./constant.node";
import { extractNode } from "./extract.node";
import { gateNode } from "./gate.node";
import { inputNode } from "./input.node";
import { memoryNode } from "./memory.node";
import { modelNode } from "./model.node";
import { outputNode } from "./output.node";
import { routerNode } from "./router.node";
import { subflowNode } from "./subflow.node";
import { summarizeNode } from "./summarize.node";
import { templateNode } from "./template.node";
import { voteNode } from "./vote.node";

/** Every node type, keyed by its `type`. Adding a node type means adding one file and one line. */
export const nodeRegistry = {
  input: inputNode,
  output: outputNode,
  model: modelNode,
  vote: voteNode,
  gate: gateNode,
  router: routerNode,
  template: templateNode,
  summarize: summarizeNode,
  extract: extractNode,
  memory: memoryNode,
  subflow: subflowNode,
  constant: constantNode,
} satisfies Record<string, NodeDefinition>;

export type NodeTypeName = keyof typeof nodeRegistry;

for (const [key, definition] of Object.entries(nodeRegistry)) {
  if (definition.type !== key) throw new Error(`node type '${definition.type}' is registered as '${key}'`);
}

export function isNodeType(type: string): type is NodeTypeName {
  return Object.hasOwn(nodeRegistry, type);
}

export function nodeDefinition(type: string): NodeDefinition | undefined {
  return isNodeType(type) ? (nodeRegistry[type] as NodeDefinition) : undefined;
}
