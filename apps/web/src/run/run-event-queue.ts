import type { RunEvent } from "@switchyard/core";

export type FrameScheduler = (callback: () => void) => number;
export type FrameCanceller = (handle: number) => void;

/**
 * Buffers incoming events and hands them over once per animation frame: a model streaming 100
 * tokens a second then costs one store update and one render per frame, not one per token.
 */
export class RunEventQueue {
  private pending: RunEvent[] = [];
  private handle: number | undefined;

  constructor(
    private readonly flush: (events: RunEvent[]) => void,
    private readonly schedule: FrameScheduler = (cb) => requestAnimationFrame(cb),
    private readonly cancel: FrameCanceller = (h) => cancelAnimationFrame(h),
  ) {}

  push(event: RunEvent): void {
    this.pending.push(event);
    this.handle ??= this.schedule(() => this.drain());
  }

  /** Applies whatever is queued now (e.g. before unmounting, so the last events aren't lost). */
  drain(): void {
    this.handle = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.flush(batch);
  }

  dispose(): void {
    if (this.handle !== undefined) this.cancel(this.handle);
    this.handle = undefined;
    this.pending = [];
  }
}
