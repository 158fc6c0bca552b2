import { useMemo } from "react";
import { catalogEntry } from "../catalog/node-catalog";
import type { EditorNode } from "../editor/editor-types";

const named = new WeakMap<EditorNode, EditorNode>();

/**
 * Canvas nodes are focusable groups; without a label a screen reader announces each one only as
 * "node". This names them by type and id ("Model node plan"). Cached per node object, so React
 * Flow still sees an unchanged node as unchanged.
 */
export function withAriaLabel(node: EditorNode): EditorNode {
  let copy = named.get(node);
  if (!copy) {
    copy = {
      ...node,
      ariaLabel: `${catalogEntry(node.type ?? "")?.label ?? node.type ?? "Unknown"} node ${node.id}`,
    };
    named.set(node, copy);
  }
  return copy;
}

export function useNamedNodes(nodes: EditorNode[]): EditorNode[] {
  return useMemo(() => nodes.map(withAriaLabel), [nodes]);
}
