import { describe, expect, it } from "vitest";
import { fallbackStacks } from "./fallback-stacks";
import { fromFlowDocument } from "./flow-mapping";
import { layoutNodes } from "./layout";
import { templateByKey } from "../templates/templates";

function imported(key: string) {
  const doc = templateByKey(key);
  if (!doc) throw new Error(`no example ${key}`);
  return fromFlowDocument(doc);
}

describe("fallback stacks", () => {
  it("stacks a fallback chain under the node it replaces", () => {
    const { nodes, edges } = imported("fallback-chain");
    const stacks = fallbackStacks(nodes, edges);
    expect(stacks.members.get("primary")).toEqual(["primary", "fallback-1", "fallback-2", "default"]);
    expect(stacks.rootOf.get("default")).toBe("primary");
    expect(stacks.members.get("answer")).toEqual(["answer"]);
  });

  it("lays the chain out as one column, each fallback below the last, without overlaps", async () => {
    const { nodes, edges } = imported("cascade");
    const at = await layoutNodes(nodes, edges);
    const pos = (id: string) => at.get(id) ?? { x: NaN, y: NaN };
    expect(pos("backup").y).toBeGreaterThan(pos("strong").y);
    expect(pos("sorry").y).toBeGreaterThan(pos("backup").y);
    expect(Math.abs(pos("backup").x - pos("strong").x)).toBeLessThan(40);
    expect(pos("out").x).toBeGreaterThan(pos("strong").x);
    const columns = new Set(nodes.map((n) => Math.round(pos(n.id).x / 100)));
    expect(columns.size).toBeLessThanOrEqual(5);
  });
});
