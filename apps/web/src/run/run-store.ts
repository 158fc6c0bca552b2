import { createStore } from "zustand/vanilla";
import type { RunEvent } from "@switchyard/core";
import { applyRunEvents } from "./apply-run-event";
import { emptyRunView, type RunGraph, type RunView } from "./run-view";

export interface RunState {
  view: RunView | undefined;
  /** Starts watching a run of a flow with this wiring (clears any previous run). */
  begin: (graph: RunGraph) => void;
  /** Applies a batch of events in one update, so a burst of deltas costs one render. */
  apply: (events: readonly RunEvent[]) => void;
  clear: () => void;
}

export type RunStore = ReturnType<typeof createRunStore>;

export function createRunStore() {
  return createStore<RunState>()((set, get) => ({
    view: undefined,
    begin: (graph) => set({ view: emptyRunView(graph) }),
    apply: (events) => {
      const view = get().view;
      if (view && events.length > 0) set({ view: applyRunEvents(view, events) });
    },
    clear: () => set({ view: undefined }),
  }));
}
