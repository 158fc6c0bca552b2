import { isTerminalEvent, type RunEvent } from "@switchyard/core";
import type { Lease, RunLifecycle } from "@switchyard/runs";
import { pushCoalesced } from "./coalesce-deltas";

/** How long events may wait to share a database write. Short: the canvas is watching. */
const BATCH_MS = 15;
const BATCH_MAX = 200;

/**
 * Persists a run's events in order, batched: one fenced append per batch writes the events, the
 * node results they settle and the run's totals, and NOTIFYs listeners. Node results are flushed
 * at once, so a crash loses as little finished (paid-for) work as possible. Streamed text is
 * coalesced into bounded deltas, so a long reply is a few hundred events rather than one per
 * token; the writer therefore numbers the events it stores itself, continuing from the run's
 * last stored seq, so the stored sequence has no gaps whatever was merged.
 */
export class EventWriter {
  private buffer: RunEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private immediate: ReturnType<typeof setImmediate> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private sealed = false;
  private failure: unknown;
  private seq: number;

  constructor(
    private readonly lifecycle: RunLifecycle,
    private readonly lease: Lease,
    lastSeq: number,
    private readonly onFailure: (error: unknown) => void,
  ) {
    this.seq = lastSeq;
  }

  /** The seq of the last event handed to the database (written or on its way). */
  get lastSeq(): number {
    return this.seq;
  }

  push(event: RunEvent): void {
    if (this.sealed || this.failure) return;
    pushCoalesced(this.buffer, event, () => ++this.seq);
    const urgent = event.type === "node.completed" || event.type === "node.failed" || isTerminalEvent(event);
    if (this.buffer.length >= BATCH_MAX) this.flush();
    else if (urgent) {
      // Settled nodes go out before anything else happens (crash safety), yet everything the
      // engine emits in the same tick still shares the one write.
      if (!this.immediate) this.immediate = setImmediate(() => this.flush());
    } else this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        await this.lifecycle.append(this.lease.runId, batch, this.lease);
      } catch (error) {
        this.failure = error;
        this.onFailure(error);
      }
    });
  }

  /** Writes what is buffered and waits for every write. */
  async close(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.failure) throw this.failure;
  }

  /**
   * Stops persisting: used when this worker hands the run back (shutdown, lost lease). What was
   * pushed before is still written; what the aborted engine emits afterwards is not.
   */
  async seal(): Promise<void> {
    this.flush();
    this.sealed = true;
    await this.chain;
  }

  /** The first write that failed, if one did. */
  get failed(): unknown {
    return this.failure;
  }
}
