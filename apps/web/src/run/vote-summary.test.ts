import { describe, expect, it } from "vitest";
import type { VoteRowView } from "./run-view";
import { voteTally } from "./vote-summary";

const ok = (nodeId: string, answer: string): VoteRowView => ({ nodeId, status: "ok", answer });
const failed = (nodeId: string): VoteRowView => ({ nodeId, status: "failed" });

describe("voteTally", () => {
  it("counts answers, the most voted first, and marks the winner", () => {
    const rows = [ok("a", "B"), ok("b", "C"), ok("c", "C"), ok("d", "C"), ok("e", "B"), ok("f", "A")];
    expect(voteTally(rows, "C")).toEqual([
      { label: "C", count: 3, winner: true },
      { label: "B", count: 2, winner: false },
      { label: "A", count: 1, winner: false },
    ]);
  });

  it("puts the winner first among equal counts (a weighted or tie-broken vote)", () => {
    expect(voteTally([ok("a", "A"), ok("b", "B")], "B").map((r) => r.label)).toEqual(["B", "A"]);
  });

  it("counts branches without an answer by status, after the answers", () => {
    const rows = [ok("a", "C"), failed("b"), failed("c"), { nodeId: "d", status: "skipped" }];
    expect(voteTally(rows, "C")).toEqual([
      { label: "C", count: 1, winner: true },
      { label: "failed", count: 2, winner: false },
      { label: "skipped", count: 1, winner: false },
    ]);
  });

  it("folds the long tail of 50 distinct answers into one row, never more than five rows", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ok(`m${i}`, i < 10 ? "same" : `answer ${i}`));
    rows.push(failed("x"));
    const tally = voteTally(rows, "same");
    expect(tally).toHaveLength(5);
    expect(tally[0]).toEqual({ label: "same", count: 10, winner: true });
    expect(tally.at(-2)).toEqual({ label: "38 other answers", count: 38, winner: false });
    expect(tally.at(-1)).toEqual({ label: "failed", count: 1, winner: false });
    expect(tally.reduce((n, r) => n + r.count, 0)).toBe(51);
  });

  it("does not fold a single leftover answer (a row saying '1 other answer' would hide it for nothing)", () => {
    const rows = ["A", "B", "C", "D", "E"].map((a, i) => ok(`m${i}`, a));
    expect(voteTally(rows, "A").map((r) => r.label)).toEqual(["A", "B", "C", "D", "E"]);
  });
});
