import { catalogEntry } from "../catalog/node-catalog";

/** What a prompt may reference: the flow's inputs and the other nodes. */
export interface ReferenceScope {
  inputs: readonly string[];
  nodes: readonly { id: string; type: string }[];
  /** The node being edited; it cannot reference itself. */
  selfId: string;
}

export interface ReferenceSuggestion {
  /** The reference without braces, e.g. `nodes.plan.text`. */
  reference: string;
  detail: string;
}

/** An unclosed `{{…` right before the cursor: where it starts and what has been typed so far. */
export interface OpenReference {
  start: number;
  query: string;
}

export function openReferenceAt(text: string, cursor: number): OpenReference | undefined {
  const before = text.slice(0, cursor);
  const start = before.lastIndexOf("{{");
  if (start < 0) return undefined;
  const typed = before.slice(start + 2);
  if (!/^\s*[A-Za-z0-9_.-]*$/.test(typed)) return undefined;
  return { start, query: typed.trim() };
}

export function referenceSuggestions(scope: ReferenceScope, query: string, limit = 40): ReferenceSuggestion[] {
  const all: ReferenceSuggestion[] = [
    ...scope.inputs.map((name) => ({ reference: `input.${name}`, detail: "run input" })),
    ...scope.nodes
      .filter((n) => n.id !== scope.selfId)
      .flatMap((n) => (catalogEntry(n.type)?.fields ?? ["value"]).map((field) => ({ reference: `nodes.${n.id}.${field}`, detail: `${n.type} · ${field}` }))),
  ];
  const q = query.toLowerCase();
  const prefix = all.filter((s) => s.reference.toLowerCase().startsWith(q));
  const inside = q ? all.filter((s) => !s.reference.toLowerCase().startsWith(q) && s.reference.toLowerCase().includes(q)) : [];
  return [...prefix, ...inside].slice(0, limit);
}

/** Replaces the open reference with the chosen one, closing the braces; returns the new text and cursor. */
export function insertReference(text: string, cursor: number, open: OpenReference, reference: string): { text: string; cursor: number } {
  const after = text.slice(cursor);
  const rest = after.startsWith("}}") ? after.slice(2) : after;
  const inserted = `{{${reference}}}`;
  return { text: text.slice(0, open.start) + inserted + rest, cursor: open.start + inserted.length };
}
