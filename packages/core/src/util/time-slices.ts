/**
 * Long synchronous work (many regex matches) in slices: after `sliceMs` of work `next()` waits
 * for one turn of the event loop, so a server sharing it keeps answering other requests.
 */
export class TimeSlices {
  private started = Date.now();

  constructor(private readonly sliceMs = 10) {}

  /** Resolves at once within a slice; at the end of one, after other tasks had their turn. */
  async next(): Promise<void> {
    if (Date.now() - this.started < this.sliceMs) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.started = Date.now();
  }
}
