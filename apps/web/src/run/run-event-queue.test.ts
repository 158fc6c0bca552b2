import { describe, expect, it } from "vitest";
import { RunEventQueue, type RunEventQueueClock } from "./run-event-queue";
import { SAMPLE_RUNS } from "./fixtures";

/** A clock the test drives: frames and timers run only when the test says so. */
function manualClock() {
  let time = 0;
  let nextId = 1;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { at: number; cb: () => void }>();
  const clock: RunEventQueueClock = {
    frame: (cb) => (frames.set(nextId, cb), nextId++),
    cancelFrame: (h) => void frames.delete(h),
    later: (cb, ms) => (timers.set(nextId, { at: time + ms, cb }), nextId++) as unknown as ReturnType<typeof setTimeout>,
    cancelLater: (h) => void timers.delete(h as unknown as number),
    now: () => time,
  };
  return {
    clock,
    frames,
    timers,
    /** Moves time on by `ms`, firing due timers, then runs one animation frame. */
    advance(ms: number) {
      time += ms;
      for (const [id, t] of [...timers]) {
        if (t.at > time) continue;
        timers.delete(id);
        t.cb();
      }
      for (const [id, cb] of [...frames]) {
        frames.delete(id);
        cb();
      }
    },
  };
}

const events = SAMPLE_RUNS.cascade ?? [];

describe("RunEventQueue", () => {
  it("applies everything pushed before a frame as one batch", () => {
    const { clock, frames, advance } = manualClock();
    const batches: number[] = [];
    const queue = new RunEventQueue((batch) => batches.push(batch.length), clock);
    for (const event of events.slice(0, 10)) queue.push(event);
    expect(frames.size).toBe(1);
    advance(16);
    expect(batches).toEqual([10]);
  });

  it("updates at most 10 times a second however fast events arrive", () => {
    const { clock, advance } = manualClock();
    const flushedAt: number[] = [];
    let now = 0;
    const queue = new RunEventQueue(() => flushedAt.push(now), clock);
    // A second of events, one every 5 ms, with a frame every 16 ms.
    for (let t = 0; t < 1000; t += 5) {
      queue.push(events[t % events.length]!);
      now = t;
      if (t % 15 === 0) advance(15);
      else advance(0);
    }
    expect(flushedAt.length).toBeGreaterThanOrEqual(8);
    expect(flushedAt.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < flushedAt.length; i++) expect(flushedAt[i]! - flushedAt[i - 1]!).toBeGreaterThanOrEqual(95);
  });

  it("applies the first event after a quiet spell at the next frame, without waiting", () => {
    const { clock, timers, advance } = manualClock();
    const batches: number[] = [];
    const queue = new RunEventQueue((batch) => batches.push(batch.length), clock);
    queue.push(events[0]!);
    advance(16);
    advance(500); // quiet
    queue.push(events[1]!);
    expect(timers.size).toBe(0);
    advance(16);
    expect(batches).toEqual([1, 1]);
  });

  it("drain() applies what is queued at once; dispose() drops it", () => {
    const { clock } = manualClock();
    const batches: number[] = [];
    const queue = new RunEventQueue((batch) => batches.push(batch.length), clock);
    queue.push(events[0]!);
    queue.push(events[1]!);
    queue.drain();
    expect(batches).toEqual([2]);
    queue.push(events[2]!);
    queue.dispose();
    queue.drain();
    expect(batches).toEqual([2]);
  });
});
