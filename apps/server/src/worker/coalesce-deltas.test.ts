import { describe, expect, it } from "vitest";
import { isStorable, type RunEvent } from "@switchyard/core";
import { MAX_DELTA_CHARS, pushCoalesced } from "./coalesce-deltas";

const time = "2026-12-04T00:00:00.000Z";
const delta = (nodeId: string, text: string, attempt = 1): RunEvent => ({ type: "node.delta", runId: "r", seq: 0, time, nodeId, text, attempt });

function store(events: RunEvent[], from = 10) {
  const batch: RunEvent[] = [];
  let seq = from;
  for (const event of events) pushCoalesced(batch, event, () => ++seq);
  return batch;
}

describe("pushCoalesced", () => {
  it("joins consecutive deltas of one node and attempt, numbering the stored events without gaps", () => {
    const batch = store([
      { type: "node.started", runId: "r", seq: 99, time, nodeId: "a", nodeType: "model" },
      delta("a", "Can"),
      delta("a", "ber"),
      delta("a", "ra"),
      delta("b", "Syd"),
      delta("a", ".", 2),
    ]);
    expect(batch.map((e) => [e.seq, e.type, "text" in e ? e.text : undefined])).toEqual([
      [11, "node.started", undefined],
      [12, "node.delta", "Canberra"],
      [13, "node.delta", "Syd"],
      [14, "node.delta", "."],
    ]);
  });

  it("bounds every stored delta, splitting a huge chunk without breaking a surrogate pair", () => {
    const huge = "x".repeat(MAX_DELTA_CHARS - 1) + "🦘" + "y".repeat(MAX_DELTA_CHARS * 2);
    const batch = store([delta("a", "start "), delta("a", huge)]);
    expect(batch.every((e) => e.type === "node.delta" && e.text.length <= MAX_DELTA_CHARS)).toBe(true);
    expect(batch.map((e) => (e.type === "node.delta" ? e.text : "")).join("")).toBe("start " + huge);
    expect(batch.every((e) => e.type === "node.delta" && isStorable(e.text))).toBe(true);
    expect(batch.map((e) => e.seq)).toEqual(batch.map((_, i) => 11 + i));
  });

  it("turns ten thousand one-token deltas into a bounded number of events", () => {
    const batch = store(Array.from({ length: 10_000 }, () => delta("a", "word ")));
    expect(batch.length).toBeLessThanOrEqual(Math.ceil((10_000 * 5) / (MAX_DELTA_CHARS - 5)));
  });
});
