import { describe, expect, it } from "vitest";
import type { RunEvent, RunEventOf } from "@switchyard/core";
import { applyRunEvent, applyRunEvents } from "./apply-run-event";
import { emptyRunView, runGraphOf, type RunView } from "./run-view";
import { SAMPLE_RUNS } from "./fixtures";
import { fromFlowDocument, toFlowDocument } from "../editor/flow-mapping";
import { templateByKey } from "../templates/templates";

function viewFor(example: string): RunView {
  const doc = templateByKey(example);
  if (!doc) throw new Error(`no example ${example}`);
  return emptyRunView(runGraphOf(toFlowDocument(fromFlowDocument(doc))));
}

function events(example: string): RunEvent[] {
  const list = SAMPLE_RUNS[example];
  if (!list?.length) throw new Error(`no fixture ${example}`);
  return list;
}

describe("applyRunEvent", () => {
  it("follows the fallback chain: retries, failures, fallbacks taken, edges carried", () => {
    const stream = events("fallback-chain");
    const view = applyRunEvents(viewFor("fallback-chain"), stream);
    expect(view.status).toBe("completed");
    expect(view.nodes.primary).toMatchObject({ status: "fell-back", attempts: 3, fellBackTo: { to: "fallback-1", reason: "error" } });
    expect(view.nodes["fallback-1"]).toMatchObject({ status: "fell-back", fellBackTo: { to: "fallback-2", reason: "timeout" } });
    expect(view.nodes["fallback-2"]).toMatchObject({ status: "done", model: "sim:fast", simulated: true });
    expect(view.nodes["fallback-2"]?.text).toMatch(/^Incident summary/);
    expect(view.nodes.default).toMatchObject({ status: "skipped", skipReason: "fallback not needed" });
    const taken = Object.entries(view.edges).filter(([, s]) => s === "taken").map(([id]) => id);
    expect(taken).toEqual(["fb-primary-fallback-1", "fb-fallback-1-fallback-2"]);
    expect(view.edges["fallback-2-answer"]).toBe("carried");
    expect(view.edges["primary-answer"]).toBeUndefined();
    const last = stream.at(-1);
    expect(last?.type).toBe("run.completed");
    if (last?.type === "run.completed") expect(view.totals).toEqual({ costUsd: last.costUsd, tokens: last.tokens, elapsedMs: last.latencyMs });
    expect(view.outputs?.answer).toMatch(/^Incident summary/);
  });

  it("shows a retry as retrying n of m while it waits", () => {
    const stream = events("fallback-chain");
    const upToRetry = stream.slice(0, stream.findIndex((e) => e.type === "node.retry") + 1);
    const view = applyRunEvents(viewFor("fallback-chain"), upToRetry);
    expect(view.nodes.primary).toMatchObject({ status: "retrying", retry: { attempt: 1, maxAttempts: 3 } });
    expect(view.nodes.answer?.status).toBe("queued");
  });

  it("accumulates streamed text mid-run and totals cost and tokens as nodes finish", () => {
    const stream = events("cascade");
    const midway = stream.findIndex((e) => e.type === "node.delta" && e.nodeId === "strong") + 2;
    const view = applyRunEvents(viewFor("cascade"), stream.slice(0, midway));
    expect(view.status).toBe("running");
    expect(view.nodes.strong?.status).toBe("running");
    expect(view.nodes.strong?.text.length).toBeGreaterThan(0);
    expect(view.nodes.gate?.gate).toMatchObject({ decision: "escalate", threshold: 0.8, confidence: 0.4 });
    expect(view.edges["gate-escalate-strong"]).toBe("carried");
    expect(view.edges["gate-pass-out"]).toBeUndefined();
    expect(view.totals.tokens).toEqual(view.nodes.fast?.tokens);
    expect(view.totals.costUsd).toBeCloseTo(view.nodes.fast?.costUsd ?? -1, 12);
  });

  it("records the vote table and agreement", () => {
    const view = applyRunEvents(viewFor("ensemble-vote"), events("ensemble-vote"));
    expect(view.nodes.vote?.vote?.agreement).toBeCloseTo(2 / 3);
    expect(view.nodes.vote?.vote?.rows.map((r) => [r.nodeId, r.answer])).toEqual([["model-a", "C"], ["model-b", "A"], ["model-c", "C"]]);
  });

  it("records a router's chosen route and skips the others", () => {
    const view = applyRunEvents(viewFor("routing"), events("routing"));
    expect(view.nodes.router?.route?.name).toBe("code");
    expect(view.nodes.mathematician?.status).toBe("skipped");
    expect(view.edges["router-code-coder"]).toBe("carried");
  });

  it("ignores duplicate and stale seq, so a reconnect never double-counts", () => {
    const stream = events("hybrid");
    const once = applyRunEvents(viewFor("hybrid"), stream);
    const half = Math.floor(stream.length / 2);
    const replayed = [...stream.slice(0, half + 5), ...stream.slice(half - 10)];
    expect(applyRunEvents(viewFor("hybrid"), replayed)).toEqual(once);
    expect(applyRunEvents(once, stream)).toBe(once);
    const delta = stream.find((e) => e.type === "node.delta");
    expect(applyRunEvent(once, delta!)).toBe(once);
  });

  it("starts over when a different run starts", () => {
    const done = applyRunEvents(viewFor("cascade"), events("cascade"));
    const first = events("cascade")[0]!;
    const restarted = applyRunEvent(done, { ...first, runId: "another-run" });
    expect(restarted.status).toBe("running");
    expect(restarted.nodes.fast?.status).toBe("queued");
    expect(restarted.totals.costUsd).toBe(0);
  });

  it("keeps what the engine says was replaced or cut off in a node's reply", () => {
    const graph = { nodeIds: ["clipped", "capped", "clean"], edges: [] };
    const at = (seq: number) => ({ runId: "r1", seq, time: `2026-12-04T12:00:0${seq}.000Z` });
    const done = (seq: number, nodeId: string, extra: Partial<RunEventOf<"node.completed">>): RunEvent => ({
      ...at(seq),
      type: "node.completed",
      nodeId,
      nodeType: "model",
      output: { text: "a\uFFFDb\uFFFD" },
      usage: { input: 3, output: 4 },
      costUsd: 0,
      latencyMs: 5,
      ...extra,
    });
    const view = applyRunEvents(emptyRunView(graph), [
      { ...at(1), type: "run.started", flowName: "f", inputs: {}, seed: 1 },
      done(2, "clipped", { replacedChars: 2, truncated: "max_tokens" }),
      done(3, "capped", { truncated: "output_limit" }),
      done(4, "clean", {}),
    ]);
    expect(view.nodes.clipped).toMatchObject({ status: "done", replacedChars: 2, truncated: "max_tokens" });
    expect(view.nodes.capped).toMatchObject({ truncated: "output_limit" });
    expect(view.nodes.capped).not.toHaveProperty("replacedChars");
    expect(view.nodes.clean).not.toHaveProperty("truncated");
    expect(view.nodes.clean).not.toHaveProperty("replacedChars");
  });
});
