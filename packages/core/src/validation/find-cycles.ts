/** A dependency between two nodes and whether it is a fallback edge. */
export interface Dependency {
  from: string;
  to: string;
  fallback: boolean;
}

/**
 * Every cycle in the dependency graph, each reported once as the node ids along it, with whether
 * it runs through fallback edges only (a fallback chain that loops).
 */
export function findCycles(nodeIds: readonly string[], dependencies: readonly Dependency[]): { path: string[]; fallbackOnly: boolean }[] {
  const next = new Map<string, Dependency[]>();
  for (const dep of dependencies) next.set(dep.from, [...(next.get(dep.from) ?? []), dep]);
  const state = new Map<string, "visiting" | "done">();
  const stack: Dependency[] = [];
  const cycles: { path: string[]; fallbackOnly: boolean }[] = [];
  const seen = new Set<string>();

  // Iterative DFS: a 1000-node pipeline must not overflow the call stack.
  for (const start of nodeIds) {
    if (state.has(start)) continue;
    const frames: { id: string; edges: Dependency[]; i: number }[] = [{ id: start, edges: next.get(start) ?? [], i: 0 }];
    state.set(start, "visiting");
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const dep = frame.edges[frame.i++];
      if (!dep) {
        state.set(frame.id, "done");
        frames.pop();
        stack.pop();
        continue;
      }
      const status = state.get(dep.to);
      if (status === "visiting") {
        const from = stack.findIndex((d) => d.from === dep.to);
        const loop = [...(from >= 0 ? stack.slice(from) : []), dep];
        const path = [...loop.map((d) => d.from), dep.to];
        const key = [...new Set(path)].sort().join(",");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push({ path, fallbackOnly: loop.every((d) => d.fallback) });
        }
      } else if (status === undefined) {
        state.set(dep.to, "visiting");
        stack.push(dep);
        frames.push({ id: dep.to, edges: next.get(dep.to) ?? [], i: 0 });
      }
    }
  }
  return cycles;
}
