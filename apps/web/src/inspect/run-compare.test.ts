import { describe, expect, it } from "vitest";
import type { FlowDocument, RunEvent } from "@switchyard/core";
import { SAMPLE_RUNS } from "../run/fixtures";
import { applyRunEvents } from "../run/apply-run-event";
import { emptyRunView, runGraphOf } from "../run/run-view";
import { templateByKey } from "../templates/templates";
import { compareRuns, mainText, type ComparedRun } from "./run-compare";

function cascadeDoc(): FlowDocument {
  const doc = templateByKey("cascade");
  if (!doc) throw new Error("no cascade example");
  return doc;
}

function compared(doc: FlowDocument, events: readonly RunEvent[]): ComparedRun {
  return { view: applyRunEvents(emptyRunView(runGraphOf(doc)), events), nodes: doc.nodes };
}

/** A run of the cascade where the cheap model was confident: the gate passes and the strong model is skipped. */
function passingRun(): RunEvent[] {
  const base = { runId: "run-b", time: "2026-11-26T10:00:00.000Z" };
  let seq = 0;
  const at = (ms: number) => ({
    ...base,
    seq: ++seq,
    time: new Date(Date.parse(base.time) + ms).toISOString(),
  });
  const usage0 = { input: 0, output: 0 };
  const text = "Canberra. Confidence: 92%";
  return [
    {
      type: "run.started",
      ...at(0),
      flowName: "Cascade with fallback",
      inputs: { question: "What is the capital of Australia?" },
      seed: 2,
    },
    { type: "node.started", ...at(1), nodeId: "in", nodeType: "input" },
    {
      type: "node.completed",
      ...at(1),
      nodeId: "in",
      nodeType: "input",
      output: { value: "What is the capital of Australia?" },
      usage: usage0,
      costUsd: 0,
      latencyMs: 0,
    },
    { type: "node.started", ...at(1), nodeId: "fast", nodeType: "model" },
    {
      type: "node.completed",
      ...at(300),
      nodeId: "fast",
      nodeType: "model",
      output: { text, value: text },
      usage: { input: 34, output: 6 },
      costUsd: 0.0000087,
      latencyMs: 299,
      confidence: 0.92,
      model: "sim:fast",
      simulated: true,
      attempts: 1,
    },
    { type: "node.started", ...at(300), nodeId: "gate", nodeType: "gate" },
    {
      type: "node.completed",
      ...at(300),
      nodeId: "gate",
      nodeType: "gate",
      output: { decision: "pass", threshold: 0.8, value: text },
      usage: usage0,
      costUsd: 0,
      latencyMs: 0,
      confidence: 0.92,
    },
    {
      type: "node.skipped",
      ...at(300),
      nodeId: "strong",
      nodeType: "model",
      reason: "branch not taken",
    },
    {
      type: "node.skipped",
      ...at(300),
      nodeId: "backup",
      nodeType: "model",
      reason: "branch not taken",
    },
    {
      type: "node.skipped",
      ...at(300),
      nodeId: "sorry",
      nodeType: "constant",
      reason: "branch not taken",
    },
    { type: "node.started", ...at(300), nodeId: "out", nodeType: "output" },
    {
      type: "node.completed",
      ...at(300),
      nodeId: "out",
      nodeType: "output",
      output: { value: text, text },
      usage: usage0,
      costUsd: 0,
      latencyMs: 0,
    },
    {
      type: "run.completed",
      ...at(301),
      outputs: { answer: text },
      costUsd: 0.0000087,
      tokens: { input: 34, output: 6 },
      latencyMs: 301,
    },
  ];
}

describe("compareRuns", () => {
  const doc = cascadeDoc();
  const escalated = compared(doc, SAMPLE_RUNS.cascade ?? []);
  const passed = compared(doc, passingRun());

  it("names what changed: one run escalated to the strong model, the other passed", () => {
    const result = compareRuns(escalated, passed);
    const byId = Object.fromEntries(result.nodes.map((n) => [n.nodeId, n]));
    expect(result.nodes.map((n) => n.nodeId)).toEqual(doc.nodes.map((n) => n.id));
    // A gate forwards its input, so the text it carried differs too.
    expect(byId.gate?.differences).toEqual(["gate: escalate → pass", "output differs"]);
    expect(byId.strong?.differences).toEqual(["status: done → skipped"]);
    expect(byId.fast?.differences).toEqual(["output differs"]);
    expect(byId.in?.differences).toEqual([]);
    expect(byId.backup?.differences).toEqual([]);
    expect(result.differing).toEqual(["fast", "gate", "strong", "out"]);
    expect(byId.fast?.textA).toBe("Sydney? Confidence: 40%");
    expect(byId.fast?.textB).toBe("Canberra. Confidence: 92%");
    expect(byId.strong?.textB).toBe("");
  });

  it("reports cost and latency deltas per node and in total (B minus A)", () => {
    const result = compareRuns(escalated, passed);
    const fast = result.nodes.find((n) => n.nodeId === "fast");
    expect(fast?.latency).toEqual({ a: 343, b: 299, delta: -44 });
    expect(result.totals.latency).toEqual({ a: 1348, b: 301, delta: -1047 });
    expect(result.totals.cost.delta).toBeCloseTo(0.0000087 - 0.0001407);
    expect(result.totals.inputTokens).toEqual({ a: 43, b: 34, delta: -9 });
  });

  it("keeps nodes only one version has, marked as such", () => {
    const extended: FlowDocument = {
      ...doc,
      nodes: [
        ...doc.nodes,
        { id: "polish", type: "model", data: { model: "sim:fast", prompt: "x" } },
      ],
    };
    const result = compareRuns(escalated, compared(extended, passingRun()));
    expect(result.nodes.at(-1)).toMatchObject({
      nodeId: "polish",
      presence: "only-b",
      differences: ["only in run B's version"],
    });
    const reversed = compareRuns(compared(extended, passingRun()), escalated);
    expect(reversed.nodes.find((n) => n.nodeId === "polish")).toMatchObject({ presence: "only-a" });
  });

  it("finds no differences between a run and itself", () => {
    expect(compareRuns(escalated, escalated).differing).toEqual([]);
  });

  it("notices a vote whose agreement changed even when its answer did not", () => {
    const doc = templateByKey("ensemble-vote");
    if (!doc) throw new Error("no ensemble-vote example");
    const events = SAMPLE_RUNS["ensemble-vote"] ?? [];
    const unanimous = events.map((e) =>
      e.type === "node.completed" && e.nodeId === "vote"
        ? { ...e, output: { ...e.output, agreement: 1 } }
        : e,
    );
    const result = compareRuns(compared(doc, events), compared(doc, unanimous));
    expect(result.nodes.find((n) => n.nodeId === "vote")?.differences).toEqual([
      "agreement: 67% → 100%",
    ]);
  });
});

describe("mainText", () => {
  it("reads a vote's answer, a model's text and nothing for a skipped node", () => {
    const doc = templateByKey("ensemble-vote");
    if (!doc) throw new Error("no ensemble-vote example");
    const view = applyRunEvents(emptyRunView(runGraphOf(doc)), SAMPLE_RUNS["ensemble-vote"] ?? []);
    expect(mainText(view.nodes.vote)).toBe("C");
    expect(mainText(view.nodes["model-a"])).toBe("C) Canberra");
    expect(mainText({ status: "skipped", text: "", attempt: 1 })).toBe("");
  });
});
