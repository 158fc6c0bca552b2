import { describe, expect, it } from "vitest";
import { sparklinePaths } from "./sparkline";

describe("sparklinePaths", () => {
  it("puts the highest value at the top and zero on the floor, evenly spaced", () => {
    expect(sparklinePaths([0, 2, 1], 100, 20, 2)).toEqual({
      line: "M0 18 L50 2 L100 10",
      area: "M0 18 L50 2 L100 10 L100 18 L0 18 Z",
    });
  });

  it("draws all zeros as a flat line on the floor, and one value across the box", () => {
    expect(sparklinePaths([0, 0], 60, 20).line).toBe("M0 18 L60 18");
    expect(sparklinePaths([5], 60, 20).line).toBe("M0 2 L60 2");
    expect(sparklinePaths([], 60, 20)).toEqual({ line: "", area: "" });
  });
});
