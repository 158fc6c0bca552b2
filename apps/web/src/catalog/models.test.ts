import { describe, expect, it } from "vitest";
import { modelChecker, modelGroupsFromCatalog, type CatalogGroup } from "./models";

const catalog: CatalogGroup[] = [
  {
    provider: "openai",
    label: "OpenAI",
    available: false,
    unavailable: "needs an OpenAI API key",
    models: [
      { id: "openai:gpt-4o-mini", kind: "chat", price: { inputPerMTok: 0.15, outputPerMTok: 0.6 }, simulated: false, available: false },
      { id: "openai:text-embedding-3-small", kind: "embedding", price: { inputPerMTok: 0.02, outputPerMTok: 0 }, simulated: false, available: false },
    ],
  },
  { provider: "sim", label: "Simulated (offline, free)", available: true, models: [{ id: "sim:fast", kind: "chat", simulated: true, available: true }] },
  { provider: "ollama", label: "Ollama", available: true, models: [] },
];

describe("modelGroupsFromCatalog", () => {
  const groups = modelGroupsFromCatalog(catalog);

  it("puts simulated models first and drops providers without listed models", () => {
    expect(groups.map((g) => g.provider)).toEqual(["sim", "openai"]);
  });

  it("maps prices and labels, and says when a provider has no key", () => {
    const openai = groups[1];
    expect(openai?.label).toBe("OpenAI — no key");
    expect(openai?.models[0]).toEqual({ id: "openai:gpt-4o-mini", label: "gpt-4o-mini", inputPerMTok: 0.15, outputPerMTok: 0.6, simulated: false, available: false });
    expect(openai?.models[1]?.label).toBe("text-embedding-3-small (embeddings)");
    expect(groups[0]?.models[0]).toEqual({ id: "sim:fast", label: "fast", simulated: true, available: true });
  });

  it("feeds the canvas check: keyless models warn", () => {
    const check = modelChecker(groups);
    expect(check("sim:fast")).toBeUndefined();
    expect(check("openai:gpt-4o-mini")?.message).toMatch(/no credentials/);
  });
});
