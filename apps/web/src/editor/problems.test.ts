import { describe, expect, it } from "vitest";
import { validateFlow } from "@switchyard/core";
import { dataFieldOf, indexProblems, shortMessage } from "./problems";

describe("problem index", () => {
  it("groups core's problems by node, edge and flow, with field paths", () => {
    const result = validateFlow({
      format: "switchyard.flow/v1",
      name: "broken",
      nodes: [
        { id: "q", type: "input" },
        { id: "m", type: "model", data: { model: "sim:fast", prompt: "", retry: { maxAttempts: 0 } } },
      ],
      edges: [
        { source: "q", target: "m" },
        { id: "dangling", source: "m", target: "nowhere" },
      ],
    });
    const index = indexProblems(result.problems);
    expect(index.byEdge.dangling?.[0]?.code).toBe("dangling-edge");
    expect(index.flow.map((p) => p.code)).toContain("no-output");
    const fields = (index.byNode.m ?? []).map(dataFieldOf);
    expect(fields).toEqual(expect.arrayContaining(["prompt", "retry.maxAttempts"]));
    const prompt = index.byNode.m?.find((p) => dataFieldOf(p) === "prompt");
    expect(shortMessage(prompt!)).toBe("a model node needs a prompt");
    expect(index.errors).toBeGreaterThanOrEqual(4);
  });
});
