import type { RunEvent } from "@switchyard/core";

export interface ReplayOptions {
  /** 1 = recorded pace, 2 = twice as fast. */
  speed: number;
  /** Long recorded pauses (a retry back-off, a hung call) are shortened to this, before `speed`. */
  maxGapMs?: number;
}

/** Plays recorded events into `push` at (roughly) their recorded pace; returns a stop function. */
export function replayEvents(events: readonly RunEvent[], push: (event: RunEvent) => void, options: ReplayOptions): () => void {
  const maxGap = options.maxGapMs ?? 600;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let index = 0;
  const step = () => {
    const event = events[index];
    if (!event) return;
    push(event);
    index += 1;
    const next = events[index];
    if (!next) return;
    const gap = Math.min(maxGap, Math.max(0, Date.parse(next.time) - Date.parse(event.time)));
    timer = setTimeout(step, gap / options.speed);
  };
  step();
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    index = events.length;
  };
}
