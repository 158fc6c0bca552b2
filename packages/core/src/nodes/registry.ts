import type { NodeDefinition } from "./node-types";
import { constantNode } from "./constant.node.ts";
import { extractNode } from "./extract.node.ts";
import { gateNode } from "./gate.node.ts";
import { inputNode } from "./input.node.ts";
import { memoryNode } from "./memory.node.ts";
import { modelNode } from "./model.node.ts";
import { outputNode } from "./output.node.ts";
import { routerNode } from "./router.node.ts";
import { subflowNode } from "./subflow.node.ts";
import { summarizeNode } from "./summarize.node.ts";
import { templateNode } from "./template.node.ts";
import { voteNode } from "./vote.node.ts";

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
