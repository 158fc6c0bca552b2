import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { createRunStore, type RunState, type RunStore } from "./run-store";
import type { NodeRunView, EdgeRunState } from "./run-view";

const RunContext = createContext<RunStore | null>(null);

export function RunProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createRunStore);
  return <RunContext.Provider value={store}>{children}</RunContext.Provider>;
}

export function useRunApi(): RunStore {
  const store = useContext(RunContext);
  if (!store) throw new Error("useRun must be used inside <RunProvider>");
  return store;
}

export function useRun<T>(selector: (state: RunState) => T): T {
  return useStore(useRunApi(), selector);
}

/** One node's run state; components re-render only when that node changes. */
export function useNodeRun(nodeId: string): NodeRunView | undefined {
  return useRun((s) => s.view?.nodes[nodeId]);
}

export function useEdgeRun(edgeId: string): EdgeRunState | undefined {
  return useRun((s) => s.view?.edges[edgeId]);
}
