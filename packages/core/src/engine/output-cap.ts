import { CONSERVATIVE_BYTES_PER_TOKEN, utf8Width } from "../util/tokens";

export type Truncation = "max_tokens" | "output_limit";

/**
 * The engine's own hold on one call's reply: text is kept until it reaches the call's token cap
 * (counted conservatively, so a provider that ignores max_tokens cannot overspend) or the host's
 * character cap; then `stopped` says why and nothing more is kept. Never holds more than the cap.
 */
export class OutputCap {
  /** The text kept so far. */
  text = "";
  stopped: Truncation | undefined;
  /** Whether any delta arrived (a gateway may return its text without streaming it). */
  streamed = false;
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(
    readonly maxTokens: number,
    /** Why the token cap binds: the call's own maxTokens, or the host's ceiling. */
    private readonly tokenReason: Truncation,
    private readonly maxChars: number,
    /**
     * Whether the provider was told `maxTokens` and so stops there itself. Then this cap is only the
     * backstop for one that ignores it, and must not cut an honest reply short: it allows twice the
     * conservative count (6 bytes a token; prose is about 4). Otherwise it is the only limit, counted
     * conservatively.
     */
    providerHolds = false,
  ) {
    this.maxBytes = maxTokens * CONSERVATIVE_BYTES_PER_TOKEN * (providerHolds ? 2 : 1);
  }

  /** Output tokens of the kept text, counted as the cap counts them. */
  get tokens(): number {
    return Math.ceil(this.bytes / CONSERVATIVE_BYTES_PER_TOKEN);
  }

  /** The part of `delta` that fits (all of it, usually); once full, `stopped` is set. */
  take(delta: string): string {
    this.streamed = true;
    if (this.stopped) return "";
    let end = 0;
    let bytes = this.bytes;
    const room = this.maxChars - this.text.length;
    while (end < delta.length) {
      const width = utf8Width(delta.charCodeAt(end));
      if (end >= room || bytes + width > this.maxBytes) {
        this.stopped = end >= room ? "output_limit" : this.tokenReason;
        break;
      }
      bytes += width;
      end++;
    }
    // Never cut between the halves of a surrogate pair.
    const last = delta.charCodeAt(end - 1);
    if (end > 0 && end < delta.length && last >= 0xd800 && last <= 0xdbff) {
      end--;
      bytes -= utf8Width(last);
    }
    const kept = end === delta.length ? delta : delta.slice(0, end);
    this.bytes = bytes;
    this.text += kept;
    return kept;
  }
}
