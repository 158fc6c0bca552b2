import { describe, expect, it } from "vitest";
import { insertReference, openReferenceAt, referenceSuggestions } from "./template-completion";

const scope = {
  inputs: ["question"],
  nodes: [
    { id: "plan", type: "model" },
    { id: "gate", type: "gate" },
    { id: "code", type: "model" },
  ],
  selfId: "code",
};

describe("template completion", () => {
  it("finds an unclosed reference before the cursor", () => {
    expect(openReferenceAt("Use {{nodes.pl", 14)).toEqual({ start: 4, query: "nodes.pl" });
    expect(openReferenceAt("Use {{input.q}} now", 19)).toBeUndefined();
    expect(openReferenceAt("{{ a b", 6)).toBeUndefined();
    expect(openReferenceAt("plain", 5)).toBeUndefined();
  });

  it("suggests inputs and other nodes' catalog fields, prefix matches first", () => {
    const refs = referenceSuggestions(scope, "").map((s) => s.reference);
    expect(refs[0]).toBe("input.question");
    expect(refs).toContain("nodes.plan.text");
    expect(refs).toContain("nodes.gate.decision");
    expect(refs.some((r) => r.startsWith("nodes.code."))).toBe(false);
    expect(referenceSuggestions(scope, "nodes.gate.d").map((s) => s.reference)).toEqual(["nodes.gate.decision"]);
    expect(referenceSuggestions(scope, "confidence").map((s) => s.reference)).toEqual(["nodes.plan.confidence", "nodes.gate.confidence"]);
  });

  it("inserts the reference and closes it", () => {
    const text = "Plan: {{nodes.pl}} done";
    const cursor = text.indexOf("}}");
    const open = openReferenceAt(text, cursor)!;
    expect(insertReference(text, cursor, open, "nodes.plan.text")).toEqual({ text: "Plan: {{nodes.plan.text}} done", cursor: 25 });
  });
});
