import { describe, expect, it } from "vitest";
import { kebab, renameReferences, uniqueId } from "./node-ids";

describe("node ids", () => {
  it("derives kebab-case bases", () => {
    expect(kebab("Summarize")).toBe("summarize");
    expect(kebab("myNode two")).toBe("my-node-two");
    expect(kebab("42")).toBe("n-42");
  });

  it("numbers ids that are taken", () => {
    const taken = new Set(["model", "model-2"]);
    expect(uniqueId("model", taken)).toBe("model-3");
    expect(uniqueId("gate", taken)).toBe("gate");
    expect(uniqueId("gate", taken)).toBe("gate-2");
    expect(uniqueId("model-2", taken)).toBe("model-4");
  });

  it("rewrites node references only for renamed ids", () => {
    const renames = new Map([["plan", "plan-2"]]);
    const data = { prompt: "{{nodes.plan.text}} and {{ nodes.plan }} but not {{nodes.planner.text}} or {{input.plan}}", n: 3, list: ["{{nodes.plan.value}}"] };
    expect(renameReferences(data, renames)).toEqual({
      prompt: "{{nodes.plan-2.text}} and {{ nodes.plan-2 }} but not {{nodes.planner.text}} or {{input.plan}}",
      n: 3,
      list: ["{{nodes.plan-2.value}}"],
    });
  });
});
