import { describe, expect, it } from "vitest";
import { RunEventQueue } from "./run-event-queue";
import { SAMPLE_RUNS } from "./fixtures";

describe("RunEventQueue", () => {
  it("applies everything pushed within a frame as one batch", () => {
    const frames: (() => void)[] = [];
    const batches: number[] = [];
    const queue = new RunEventQueue(
      (events) => batches.push(events.length),
      (cb) => frames.push(cb),
      () => {},
    );
    const events = SAMPLE_RUNS.cascade ?? [];
    for (const event of events.slice(0, 10)) queue.push(event);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    for (const event of events.slice(10)) queue.push(event);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(batches).toEqual([10, events.length - 10]);
  });

  it("drops queued events on dispose", () => {
    const batches: number[] = [];
    const queue = new RunEventQueue((e) => batches.push(e.length), () => 1, () => {});
    queue.push(SAMPLE_RUNS.cascade![0]!);
    queue.dispose();
    queue.drain();
    expect(batches).toEqual([]);
  });
});
