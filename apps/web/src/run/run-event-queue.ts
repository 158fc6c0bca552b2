import type { RunEvent } from "@switchyard/core";

/**
 * At most this many store updates a second. Streamed text still reads as live at 10 updates a
 * second, and 50 nodes streaming at once then cost 10 renders a second instead of one per frame.
 */
export const MAX_UPDATES_PER_SECOND = 10;

export interface RunEventQueueClock {
  /** Runs `callback` at the next animation frame. */
  frame(callback: () => void): number;
  cancelFrame(handle: number): void;
  /** Runs `callback` after `ms`. */
  later(callback: () => void, ms: number): ReturnType<typeof setTimeout>;
  cancelLater(handle: ReturnType<typeof setTimeout>): void;
  now(): number;
}

const browserClock: RunEventQueueClock = {
  frame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (h) => cancelAnimationFrame(h),
  later: (cb, ms) => setTimeout(cb, ms),
  cancelLater: (h) => clearTimeout(h),
  now: () => performance.now(),
};

/**
 * Buffers incoming events and hands them over in batches: at an animation frame, and no sooner
 * than 1/MAX_UPDATES_PER_SECOND after the previous batch. A model streaming 100 tokens a second
 * then costs a few store updates and renders a second, not one per token (or per frame).
 */
export class RunEventQueue {
  private pending: RunEvent[] = [];
  private frameHandle: number | undefined;
  private waitHandle: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly flush: (events: RunEvent[]) => void,
    private readonly clock: RunEventQueueClock = browserClock,
    private readonly minIntervalMs = 1000 / MAX_UPDATES_PER_SECOND,
  ) {}

  push(event: RunEvent): void {
    this.pending.push(event);
    if (this.frameHandle !== undefined || this.waitHandle !== undefined) return;
    const wait = this.lastFlush + this.minIntervalMs - this.clock.now();
    if (wait > 0) {
      this.waitHandle = this.clock.later(() => {
        this.waitHandle = undefined;
        this.frameHandle = this.clock.frame(() => this.drain());
      }, wait);
    } else {
      this.frameHandle = this.clock.frame(() => this.drain());
    }
  }

  /** Applies whatever is queued now (e.g. before unmounting, so the last events aren't lost). */
  drain(): void {
    this.cancelScheduled();
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.lastFlush = this.clock.now();
    this.flush(batch);
  }

  dispose(): void {
    this.cancelScheduled();
    this.pending = [];
  }

  private cancelScheduled(): void {
    if (this.frameHandle !== undefined) this.clock.cancelFrame(this.frameHandle);
    if (this.waitHandle !== undefined) this.clock.cancelLater(this.waitHandle);
    this.frameHandle = undefined;
    this.waitHandle = undefined;
  }
}
