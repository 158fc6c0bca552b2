import { describe, expect, it } from "vitest";
import { SIM_EMBED_DIMENSIONS, simEmbedding } from "./embedding";

const cosine = (a: number[], b: number[]) =>
  a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

describe("simEmbedding", () => {
  it("is L2-normalised, fixed-size and deterministic", () => {
    const vector = simEmbedding("Where is my refund?");
    expect(vector).toHaveLength(SIM_EMBED_DIMENSIONS);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
    expect(simEmbedding("Where is my refund?")).toEqual(vector);
  });

  it("ranks texts that share words above texts that don't", () => {
    const query = simEmbedding("I want a refund for my broken order");
    const billing = simEmbedding("refund my order please, it arrived broken");
    const tech = simEmbedding("the app crashes when I open settings");
    const weather = simEmbedding("what is the weather tomorrow in Paris");
    expect(cosine(query, billing)).toBeGreaterThan(0.5);
    expect(cosine(query, billing)).toBeGreaterThan(cosine(query, tech));
    expect(cosine(query, billing)).toBeGreaterThan(cosine(query, weather));
  });

  it("ignores case and plural endings", () => {
    expect(cosine(simEmbedding("Refunds"), simEmbedding("refund"))).toBeCloseTo(1, 10);
  });

  it("gives an all-zero vector for text without words", () => {
    expect(simEmbedding("?!").every((value) => value === 0)).toBe(true);
  });
});
