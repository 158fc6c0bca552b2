import { stringifyValue } from "@switchyard/core";
import type { NodeRunView, RunView } from "../run/run-view";
import { percent } from "../util/format";

/** One run as the comparison sees it: its folded view and its flow version's nodes, in document order. */
export interface ComparedRun {
  view: RunView;
  nodes: readonly { id: string; type: string }[];
}

/** A number in both runs and how B differs from A. */
export interface Delta {
  a: number;
  b: number;
  delta: number;
}

export interface NodeComparison {
  nodeId: string;
  type: string;
  presence: "both" | "only-a" | "only-b";
  a?: NodeRunView;
  b?: NodeRunView;
  /** The node's main value as text (empty when it produced none). */
  textA: string;
  textB: string;
  /** What tells the two apart, in words ("gate: pass → escalate"); empty when they behaved the same. */
  differences: string[];
  cost?: Delta;
  latency?: Delta;
}

export interface RunComparison {
  nodes: NodeComparison[];
  totals: { cost: Delta; inputTokens: Delta; outputTokens: Delta; latency: Delta };
  /** Ids of nodes that differ in any way (including being in one run only). */
  differing: string[];
}

/** Compares two runs node by node: nodes of A's version in order, then those only B's version has. */
export function compareRuns(a: ComparedRun, b: ComparedRun): RunComparison {
  const typesB = new Map(b.nodes.map((n) => [n.id, n.type]));
  const typesA = new Map(a.nodes.map((n) => [n.id, n.type]));
  const ids = [
    ...a.nodes.map((n) => n.id),
    ...b.nodes.filter((n) => !typesA.has(n.id)).map((n) => n.id),
  ];
  const nodes = ids.map((id) =>
    compareNode(
      id,
      typesA.get(id) ?? typesB.get(id) ?? "unknown",
      typesA.has(id),
      typesB.has(id),
      a.view.nodes[id],
      b.view.nodes[id],
    ),
  );
  const { totals: ta } = a.view;
  const { totals: tb } = b.view;
  return {
    nodes,
    totals: {
      cost: delta(ta.costUsd, tb.costUsd),
      inputTokens: delta(ta.tokens.input, tb.tokens.input),
      outputTokens: delta(ta.tokens.output, tb.tokens.output),
      latency: delta(ta.elapsedMs, tb.elapsedMs),
    },
    differing: nodes.filter((n) => n.differences.length > 0).map((n) => n.nodeId),
  };
}

/** The node's main value as the comparison shows it: a model's text, a vote's answer, a constant's value. */
export function mainText(node: NodeRunView | undefined): string {
  if (!node || node.status === "skipped") return "";
  if (node.vote) return node.vote.answer;
  if (node.text) return node.text;
  return node.output ? stringifyValue(node.output.value ?? node.output.text) : "";
}

function compareNode(
  nodeId: string,
  type: string,
  inA: boolean,
  inB: boolean,
  a: NodeRunView | undefined,
  b: NodeRunView | undefined,
): NodeComparison {
  const textA = mainText(a);
  const textB = mainText(b);
  const base = { nodeId, type, textA, textB, ...(a ? { a } : {}), ...(b ? { b } : {}) };
  if (!inA || !inB) {
    return {
      ...base,
      presence: inA ? "only-a" : "only-b",
      differences: [inA ? "only in run A's version" : "only in run B's version"],
    };
  }
  const differences: string[] = [];
  const change = (label: string, x: string | undefined, y: string | undefined) => {
    if (x !== y) differences.push(`${label}: ${x ?? "—"} → ${y ?? "—"}`);
  };
  change("status", statusOf(a), statusOf(b));
  change("gate", a?.gate?.decision, b?.gate?.decision);
  change("route", a?.route?.name, b?.route?.name);
  change("fell back to", a?.fellBackTo?.to, b?.fellBackTo?.to);
  // A node that did not run in one of them differs by its status alone; its model and attempts would only repeat that.
  if (ran(a) && ran(b)) {
    change("model", a?.model, b?.model);
    change("attempts", a?.attempts?.toString(), b?.attempts?.toString());
  }
  if (a?.vote && b?.vote) {
    change("answer", a.vote.answer, b.vote.answer);
    change("agreement", percent(a.vote.agreement), percent(b.vote.agreement));
  } else if (textA !== textB && textA && textB) differences.push("output differs");
  return {
    ...base,
    presence: "both",
    differences,
    ...(a?.costUsd !== undefined || b?.costUsd !== undefined
      ? { cost: delta(a?.costUsd ?? 0, b?.costUsd ?? 0) }
      : {}),
    ...(a?.latencyMs !== undefined && b?.latencyMs !== undefined
      ? { latency: delta(a.latencyMs, b.latencyMs) }
      : {}),
  };
}

function ran(node: NodeRunView | undefined): boolean {
  return node !== undefined && node.status !== "skipped" && node.status !== "queued";
}

function statusOf(node: NodeRunView | undefined): string {
  return node?.status ?? "not run";
}

function delta(a: number, b: number): Delta {
  return { a, b, delta: b - a };
}
