import type { EditorEdge, EditorNode } from "./editor-types";

/** Fallback chains grouped for layout: each stack is a node followed by the fallbacks that replace it. */
export interface FallbackStacks {
  /** Stack head → its members in chain order (head first). */
  members: Map<string, string[]>;
  /** Any node → the head of its stack. */
  rootOf: Map<string, string>;
}

/**
 * A node joins the stack of the node it replaces when a fallback edge is its only way in (no data
 * edges): then it is an alternative for that step, not a later step, and belongs under it.
 */
export function fallbackStacks(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): FallbackStacks {
  const ids = new Set(nodes.map((n) => n.id));
  const hasDataIn = new Set(edges.filter((e) => e.type !== "fallback").map((e) => e.target));
  const replaces = new Map<string, string>();
  for (const e of edges) {
    if (e.type === "fallback" && ids.has(e.source) && ids.has(e.target) && !hasDataIn.has(e.target) && !replaces.has(e.target)) {
      replaces.set(e.target, e.source);
    }
  }
  const rootOf = new Map<string, string>();
  for (const node of nodes) {
    let root = node.id;
    const seen = new Set([root]);
    // Follow the chain up; a fallback loop (invalid, but possible while editing) stops where it closes.
    for (let up = replaces.get(root); up !== undefined && !seen.has(up); up = replaces.get(root)) {
      seen.add(up);
      root = up;
    }
    rootOf.set(node.id, root);
  }
  const members = new Map<string, string[]>();
  for (const node of nodes) {
    const root = rootOf.get(node.id) ?? node.id;
    if (!members.has(root)) members.set(root, []);
  }
  for (const [root, list] of members) {
    // Chain order: breadth-first along fallback edges from the head.
    const queue = [root];
    while (queue.length) {
      const id = queue.shift() ?? "";
      if (list.includes(id)) continue;
      list.push(id);
      for (const [target, source] of replaces) if (source === id && rootOf.get(target) === root) queue.push(target);
    }
  }
  return { members, rootOf };
}
