/** Undo/redo stacks of immutable snapshots. Snapshots share structure, so keeping many is cheap. */
export interface History<S> {
  past: S[];
  future: S[];
  /** The last recorded change, so bursts of the same change (typing, dragging) make one step. */
  last?: { key: string; at: number };
}

export const HISTORY_LIMIT = 100;
/** Changes with the same key closer together than this merge into one undo step. */
export const COALESCE_MS = 800;

export function emptyHistory<S>(): History<S> {
  return { past: [], future: [] };
}

/** Records `current` as the state to return to, before a change described by `key` is applied. */
export function record<S>(history: History<S>, current: S, key: string | undefined, now: number): History<S> {
  const coalesce = key !== undefined && history.last?.key === key && now - history.last.at < COALESCE_MS;
  const last = key === undefined ? undefined : { key, at: now };
  if (coalesce) return { ...history, future: [], last };
  return { past: [...history.past, current].slice(-HISTORY_LIMIT), future: [], last };
}

export function undo<S>(history: History<S>, current: S): { history: History<S>; state: S } | undefined {
  const state = history.past.at(-1);
  if (state === undefined) return undefined;
  return { state, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

export function redo<S>(history: History<S>, current: S): { history: History<S>; state: S } | undefined {
  const [state, ...future] = history.future;
  if (state === undefined) return undefined;
  return { state, history: { past: [...history.past, current], future } };
}
