import type { VoteRowView } from "./run-view";

/** Up to this many branches the canvas lists each one; past it, answers are tallied instead. */
export const VOTE_ROWS_ON_CANVAS = 5;

export interface VoteTallyRow {
  /** The answer, or the status of branches that gave none ("failed", "skipped"…). */
  label: string;
  count: number;
  winner: boolean;
}

/**
 * A vote over many branches summarised in a few rows: the most voted answers first, the rest
 * folded into "n other answers", and branches without an answer counted by status. It keeps a
 * 50-way vote node as small as a 3-way one, so it doesn't grow over its neighbours on the canvas.
 */
export function voteTally(rows: readonly VoteRowView[], winner: string, maxRows = VOTE_ROWS_ON_CANVAS): VoteTallyRow[] {
  const answers = new Map<string, number>();
  const statuses = new Map<string, number>();
  for (const row of rows) {
    if (row.status === "ok" && row.answer !== undefined) answers.set(row.answer, (answers.get(row.answer) ?? 0) + 1);
    else statuses.set(row.status, (statuses.get(row.status) ?? 0) + 1);
  }
  const ranked = [...answers].sort(([a, x], [b, y]) => y - x || Number(b === winner) - Number(a === winner) || a.localeCompare(b));
  const room = Math.max(1, maxRows - statuses.size - 1);
  const shown = ranked.length > room + 1 ? ranked.slice(0, room) : ranked;
  const folded = ranked.slice(shown.length);
  return [
    ...shown.map(([label, count]) => ({ label, count, winner: label === winner })),
    ...(folded.length > 0 ? [{ label: `${folded.length} other answers`, count: folded.reduce((n, [, c]) => n + c, 0), winner: false }] : []),
    ...[...statuses].map(([label, count]) => ({ label, count, winner: false })),
  ];
}
