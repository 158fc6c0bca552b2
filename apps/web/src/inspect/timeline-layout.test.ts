import { describe, expect, it } from "vitest";
import type { RunEvent } from "@switchyard/core";
import { SAMPLE_RUNS } from "../run/fixtures";
import { runGraphOf } from "../run/run-view";
import { templateByKey } from "../templates/templates";
import { layoutTimeline, timeTicks } from "./timeline-layout";

function events(example: string): RunEvent[] {
  const list = SAMPLE_RUNS[example];
  if (!list?.length) throw new Error(`no fixture ${example}`);
  return list;
}

function edgesOf(example: string) {
  const doc = templateByKey(example);
  if (!doc) throw new Error(`no example ${example}`);
  return runGraphOf(doc).edges;
}

const row = (layout: ReturnType<typeof layoutTimeline>, id: string) => {
  const found = layout.rows.find((r) => r.nodeId === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};

describe("layoutTimeline", () => {
  it("shows every attempt and retry back-off of the fallback chain on one axis", () => {
    const layout = layoutTimeline(events("fallback-chain"), { edges: edgesOf("fallback-chain") });
    expect(layout.finished).toBe(true);
    expect(layout.durationMs).toBe(1380);
    expect(layout.rows.map((r) => r.nodeId)).toEqual([
      "question",
      "primary",
      "fallback-1",
      "fallback-2",
      "default",
      "answer",
    ]);

    const primary = row(layout, "primary");
    expect(primary).toMatchObject({
      status: "fell-back",
      startMs: 1,
      endMs: 541,
      reportedAttempts: 3,
      maxAttempts: 3,
      fellBackTo: { to: "fallback-1", reason: "error" },
    });
    expect(
      primary.attempts.map(({ attempt, startMs, endMs, outcome }) => ({
        attempt,
        startMs,
        endMs,
        outcome,
      })),
    ).toEqual([
      { attempt: 1, startMs: 1, endMs: 3, outcome: "error" },
      { attempt: 2, startMs: 205, endMs: 206, outcome: "error" },
      { attempt: 3, startMs: 540, endMs: 541, outcome: "error" },
    ]);
    expect(primary.gaps).toEqual([
      { afterAttempt: 1, startMs: 3, endMs: 205, delayMs: 202 },
      { afterAttempt: 2, startMs: 206, endMs: 540, delayMs: 334 },
    ]);
    expect(primary.attempts[0]?.error?.message).toMatch(/500/);

    expect(row(layout, "fallback-1")).toMatchObject({
      status: "fell-back",
      startMs: 542,
      endMs: 1043,
      fallbackFrom: { from: "primary", reason: "error" },
      fellBackTo: { to: "fallback-2", reason: "timeout" },
    });
    expect(row(layout, "fallback-1").attempts).toEqual([
      expect.objectContaining({ attempt: 1, outcome: "timeout" }),
    ]);
    expect(row(layout, "fallback-2")).toMatchObject({
      status: "done",
      startMs: 1043,
      endMs: 1380,
      fallbackFrom: { from: "fallback-1", reason: "timeout" },
    });
    expect(row(layout, "default")).toMatchObject({
      status: "skipped",
      skipReason: "fallback not needed",
      startMs: 1380,
      endMs: 1380,
      critical: false,
    });

    expect(layout.criticalPath.nodeIds).toEqual([
      "question",
      "primary",
      "fallback-1",
      "fallback-2",
      "answer",
    ]);
    expect(layout.criticalPath.totalMs).toBe(1378);
    expect(primary.left).toBeCloseTo((1 / 1380) * 100);
    expect(primary.width).toBeCloseTo((540 / 1380) * 100);
  });

  it("puts parallel branches side by side in time, with the slowest one on the critical path", () => {
    const layout = layoutTimeline(events("ensemble-vote"), { edges: edgesOf("ensemble-vote") });
    const [a, b, c] = ["model-a", "model-b", "model-c"].map((id) => row(layout, id));
    expect(a?.startMs).toBe(1);
    expect(b?.startMs).toBe(3);
    expect(c?.startMs).toBe(3);
    // They overlap: each starts before any of the others ends.
    expect(Math.max(a!.startMs, b!.startMs, c!.startMs)).toBeLessThan(
      Math.min(a!.endMs, b!.endMs, c!.endMs),
    );
    expect(layout.criticalPath.nodeIds).toEqual([
      "question",
      "model-c",
      "vote",
      "agreement",
      "agreement-out",
    ]);
    expect(layout.nodeTimeMs).toBeGreaterThan(layout.durationMs);
  });

  it("without the flow's edges, follows whichever node finished last before each start", () => {
    const layout = layoutTimeline(events("fallback-chain"));
    expect(layout.criticalPath.nodeIds).toEqual([
      "question",
      "primary",
      "fallback-1",
      "fallback-2",
      "answer",
    ]);
  });

  it("marks skipped branches of the router and keeps them off the critical path", () => {
    const layout = layoutTimeline(events("routing"), { edges: edgesOf("routing") });
    const skipped = layout.rows.filter((r) => r.status === "skipped");
    expect(skipped.length).toBeGreaterThan(0);
    for (const r of skipped) {
      expect(r.width).toBe(0);
      expect(r.critical).toBe(false);
      expect(r.skipReason).toBe("branch not taken");
    }
  });

  it("lays out every recorded run without negative or out-of-axis bars", () => {
    for (const [name, stream] of Object.entries(SAMPLE_RUNS)) {
      const layout = layoutTimeline(stream, { edges: edgesOf(name) });
      expect(layout.rows.length, name).toBeGreaterThan(0);
      for (const r of layout.rows) {
        expect(r.endMs, `${name}/${r.nodeId}`).toBeGreaterThanOrEqual(r.startMs);
        expect(r.left + r.width).toBeLessThanOrEqual(100.0001);
        for (const attempt of r.attempts)
          expect(attempt.endMs).toBeGreaterThanOrEqual(attempt.startMs);
      }
      expect(layout.criticalPath.totalMs).toBeLessThanOrEqual(layout.durationMs);
    }
  });

  it("follows a run still going: the open attempt grows to now, a pending back-off stops at now", () => {
    const stream = events("fallback-chain");
    const upToSecondRetry = stream.filter((e) => e.seq <= 6);
    const start = Date.parse(stream[0]!.time);
    const layout = layoutTimeline(upToSecondRetry, { now: start + 400 });
    expect(layout.finished).toBe(false);
    expect(layout.durationMs).toBe(400);
    const primary = row(layout, "primary");
    expect(primary.status).toBe("retrying");
    expect(primary.attempts.map((a) => a.outcome)).toEqual(["error", "error"]);
    expect(primary.gaps.at(-1)).toEqual({
      afterAttempt: 2,
      startMs: 206,
      endMs: 400,
      delayMs: 334,
    });

    const running = layoutTimeline(
      stream.filter((e) => e.seq <= 9),
      { now: start + 700 },
    );
    expect(row(running, "fallback-1")).toMatchObject({
      status: "running",
      startMs: 542,
      endMs: 700,
    });
    expect(row(running, "fallback-1").attempts).toEqual([
      { attempt: 1, startMs: 542, endMs: 700, outcome: "running" },
    ]);
  });
});

describe("timeTicks", () => {
  it("picks round steps and labels them in ms or s", () => {
    expect(timeTicks(1380).map((t) => t.label)).toEqual([
      "0",
      "200 ms",
      "400 ms",
      "600 ms",
      "800 ms",
      "1 s",
      "1.2 s",
    ]);
    expect(timeTicks(945).map((t) => t.ms)).toEqual([0, 200, 400, 600, 800]);
    expect(timeTicks(12_000).map((t) => t.label)).toEqual([
      "0",
      "2 s",
      "4 s",
      "6 s",
      "8 s",
      "10 s",
      "12 s",
    ]);
    expect(timeTicks(3).map((t) => t.label)).toEqual(["0", "1 ms", "2 ms", "3 ms"]);
    const ticks = timeTicks(5000);
    expect(ticks.at(-1)).toMatchObject({ ms: 5000, at: 100, label: "5 s" });
  });
});
