import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where the server's CPU goes, by the part of the system whose code the time was spent in. */
export const COMPONENTS = ["HTTP and API", "queue", "engine", "model call (AI SDK)", "event writes", "notifications and streams", "database client", "garbage collection", "other"] as const;
export type Component = (typeof COMPONENTS)[number];

// Matched against a frame's URL (and function name): the first matching frame from the leaf up
// decides, so a database call made by the event writer counts as an event write.
const OUR_RULES: [Component, RegExp][] = [
  ["event writes", /packages\/runs\/src\/(append-events|storable-json|node-result-row)|worker\/(event-writer|coalesce-deltas)/],
  ["notifications and streams", /pg-run-events|events-while-allowed|pg-listener|http\/sse|access-changes/],
  ["queue", /pg-boss|packages\/runs\/src\/(run-jobs|lease|reaper|hand-back|create-run|cancel-run|give-up)|worker\/(run-worker|run-execution)/],
  ["engine", /packages\/core\//],
  ["model call (AI SDK)", /packages\/providers\//],
  ["HTTP and API", /packages\/api\/|apps\/server\/src\/http\//],
];
const LIBRARY_RULES: [Component, RegExp][] = [
  ["queue", /pg-boss/],
  ["model call (AI SDK)", /node_modules\/.pnpm\/(ai@|@ai-sdk|eventsource-parser|@standard-schema)|undici/],
  ["HTTP and API", /node:_http|node:http|node:net|@trpc|better-auth|better-call|zod@/],
  ["database client", /@prisma|\/prisma\/|\/pg@|pg-protocol|pg-pool|query_compiler|packages\/db\//],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Self time per component over every .cpuprofile in `dir` (one per thread of the server). */
export function cpuByComponent(dir: string): Record<Component, number> {
  const totals = Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as Record<Component, number>;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    const parent = new Map<number, number>();
    const byId = new Map<number, ProfileNode>();
    for (const node of profile.nodes) {
      byId.set(node.id, node);
      for (const child of node.children ?? []) parent.set(child, node.id);
    }
    // Our own code decides first, wherever it is on the stack (a database call made by the event
    // writer is an event write); only stacks with none of it fall back to the library they are in.
    const memo = new Map<number, Component | undefined>();
    const ours = (id: number | undefined): Component | undefined => {
      if (id === undefined) return undefined;
      if (memo.has(id)) return memo.get(id);
      const found = OUR_RULES.find(([, pattern]) => pattern.test(byId.get(id)!.callFrame.url))?.[0] ?? ours(parent.get(id));
      memo.set(id, found);
      return found;
    };
    const library = (id: number | undefined): Component | undefined => {
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const found = LIBRARY_RULES.find(([, pattern]) => pattern.test(byId.get(at!)!.callFrame.url))?.[0];
        if (found) return found;
      }
      return undefined;
    };
    const classify = (id: number): Component | "idle" => {
      const name = byId.get(id)!.callFrame.functionName;
      if (name === "(idle)") return "idle";
      if (name === "(garbage collector)") return "garbage collection";
      return ours(id) ?? library(id) ?? "other";
    };
    profile.samples.forEach((id, i) => {
      const component = classify(id);
      if (component !== "idle") totals[component] += (profile.timeDeltas[i] ?? 0) / 1000;
    });
  }
  return totals;
}
