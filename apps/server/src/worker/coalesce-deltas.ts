import type { RunEvent, RunEventOf } from "@switchyard/core";

/** The most streamed text one stored delta event holds. */
export const MAX_DELTA_CHARS = 8192;

type Delta = RunEventOf<"node.delta">;

/**
 * Adds `event` to a batch of events waiting to be stored, numbering what it adds with `nextSeq`.
 * A streamed delta joins the delta before it (same node and attempt) while the two fit in
 * `MAX_DELTA_CHARS`; a longer one is split. So a reply streamed token by token is stored, and
 * replayed to every reader, as a few bounded events per batch instead of one event per token.
 */
export function pushCoalesced(batch: RunEvent[], event: RunEvent, nextSeq: () => number): void {
  if (event.type !== "node.delta") {
    batch.push({ ...event, seq: nextSeq() });
    return;
  }
  const previous = batch.at(-1);
  if (previous?.type === "node.delta" && previous.nodeId === event.nodeId && previous.attempt === event.attempt && previous.text.length + event.text.length <= MAX_DELTA_CHARS) {
    batch[batch.length - 1] = { ...previous, text: previous.text + event.text };
    return;
  }
  for (const text of pieces(event.text)) batch.push({ ...event, text, seq: nextSeq() } satisfies Delta);
}

/** `text` cut into pieces of at most MAX_DELTA_CHARS, never between the halves of a surrogate pair. */
function pieces(text: string): string[] {
  if (text.length <= MAX_DELTA_CHARS) return [text];
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_DELTA_CHARS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}
