import { compileTemplate } from "../flow/template";
import type { FlowNode } from "../flow/flow-schema";
import type { NodeDefinition } from "../nodes/node-types";
import { problem, type ValidationProblem } from "./problems";

/** Every `{{…}}` must name a declared input, an existing node and a field that node has. */
export function checkReferences(
  nodes: readonly FlowNode[],
  nodeData: ReadonlyMap<string, unknown>,
  definitions: ReadonlyMap<string, NodeDefinition>,
  declaredInputs: ReadonlySet<string>,
  references: Map<string, string[]>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) {
    const definition = definitions.get(node.id);
    const data = nodeData.get(node.id);
    if (!definition?.templates || data === undefined) continue;
    const referenced = new Set<string>();
    for (const template of definition.templates(data as never)) {
      const compiled = compileTemplate(template);
      const at = { nodeId: node.id };
      for (const issue of compiled.issues) problems.push(problem("invalid-reference", `node '${node.id}': ${issue.message}`, at));
      for (const ref of compiled.references) {
        if (ref.kind === "input") {
          if (!declaredInputs.has(ref.name)) {
            const known = [...declaredInputs].join(", ") || "none";
            problems.push(problem("unknown-input", `node '${node.id}' references input '${ref.name}', which the flow does not declare (inputs: ${known})`, at));
          }
          continue;
        }
        if (!ids.has(ref.nodeId)) {
          problems.push(problem("unknown-reference", `node '${node.id}' references node '${ref.nodeId}', which does not exist`, at));
          continue;
        }
        if (ref.nodeId === node.id) {
          problems.push(problem("self-reference", `node '${node.id}' references its own output`, at));
          continue;
        }
        referenced.add(ref.nodeId);
        const field = ref.path[0];
        const target = definitions.get(ref.nodeId);
        if (field !== undefined && target && !target.fields.includes(field)) {
          problems.push(problem("unknown-field", `node '${node.id}' references '${ref.raw}', but ${target.type} nodes have no field '${field}' (fields: ${target.fields.join(", ")})`, at));
        }
      }
    }
    if (referenced.size > 0) references.set(node.id, [...referenced]);
  }
  return problems;
}
