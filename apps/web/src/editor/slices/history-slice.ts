import { emptyHistory, record, redo, undo } from "../history";
import { snapshotOf, type EditorSlice, type HistorySlice } from "../editor-state";

export const createHistorySlice: EditorSlice<HistorySlice> = (set, get) => ({
  history: emptyHistory(),
  commit: (key) => set((s) => ({ history: record(s.history, snapshotOf(s), key, Date.now()) })),
  undo: () => {
    const step = undo(get().history, snapshotOf(get()));
    if (step) set({ ...step.state, history: step.history });
  },
  redo: () => {
    const step = redo(get().history, snapshotOf(get()));
    if (step) set({ ...step.state, history: step.history });
  },
});
