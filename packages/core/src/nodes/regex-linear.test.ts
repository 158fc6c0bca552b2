import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, outputOf, run } from "../test-support/run-helpers";
import { selfReportedConfidence } from "../engine/confidence";
import { validateFlow } from "../validation/validate-flow";
import { readJsonPath } from "./shared/answer-extractor";

// "It did not hang" bounds only: on a backtracking engine each case takes minutes to forever.
const HANG = 30_000;
const gateway = new ScriptedGateway({ "t:m": (request) => request.prompt });

/** in → <node> → out, the node's main value as the output. */
function single(id: string, type: string, data: Record<string, unknown>, sources = ["in"]) {
  return flow({
    nodes: [{ id: "in", type: "input", data: { name: "question" } }, { id, type, data }, { id: "out", type: "output" }],
    edges: [...sources.map((source) => ({ source, target: id })), { source: id, target: "out" }],
  });
}

function router(keywords: string[]) {
  return flow({
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: "r", type: "router", data: { routes: [{ name: "hit", keywords }, { name: "miss" }], default: "miss" } },
      { id: "out", type: "output" },
    ],
    edges: [
      { source: "in", target: "r" },
      { source: "r", sourceHandle: "hit", target: "out" },
      { source: "r", sourceHandle: "miss", target: "out" },
    ],
  });
}

describe("user regexes run in linear time (RE2)", () => {
  it("a router keyword /(a+)+$/ against 30 a's and a '!' (40 s before), and against 50,000", async () => {
    for (const question of [`${"a".repeat(30)}!`, `${"a".repeat(50_000)}!`]) {
      const { result, events } = await run(router(["/(a+)+$/"]), { gateway, inputs: { question } });
      expect(result.status).toBe("completed");
      expect(outputOf(events, "r").route).toBe("miss");
    }
    const { events } = await run(router(["/(a+)+$/"]), { gateway, inputs: { question: "aaaa" } });
    expect(outputOf(events, "r")).toMatchObject({ route: "hit", reason: "matched keyword /(a+)+$/" });
  }, HANG);

  it("a vote's regex extractor with a catastrophic pattern", async () => {
    const replies = [`${"a".repeat(50_000)}!`, `${"a".repeat(50_000)}!`];
    const doc = flow({
      nodes: [
        { id: "in", type: "input", data: { name: "question" } },
        { id: "m1", type: "model", data: { model: "t:m", prompt: replies[0]! } },
        { id: "m2", type: "model", data: { model: "t:m", prompt: replies[1]! } },
        { id: "vote", type: "vote", data: { extract: { kind: "regex", pattern: "((a+)+)$", flags: "" }, quorum: 1 } },
        { id: "out", type: "output" },
      ],
      edges: [{ source: "in", target: "m1" }, { source: "in", target: "m2" }, { source: "m1", target: "vote" }, { source: "m2", target: "vote" }, { source: "vote", target: "out" }],
    });
    const { result } = await run(doc, { gateway });
    expect(result.status).toBe("failed");
    expect(result.error?.message).toMatch(/vote needs 1 of 2 answers but got 0/);
  }, HANG);

  it("an extract field pattern, and the built-in 'name: value' reading of a text of blank lines", async () => {
    const doc = single("ex", "extract", { fields: [{ name: "zip", pattern: "((a+)+)$" }, { name: "city" }] });
    for (const question of [`${"a".repeat(50_000)}!`, `${"\n".repeat(50_000)}x`]) {
      const { result, events } = await run(doc, { gateway, inputs: { question } });
      expect(result.status).toBe("completed");
      expect(outputOf(events, "ex").missing).toEqual(["zip", "city"]);
    }
  }, HANG);

  it("the vote's built-in choice finder on a reply of spaces", async () => {
    const reply = `The answer is${" ".repeat(100_000)}x`;
    const doc = single("vote", "vote", { extract: { kind: "choice" }, quorum: 1 }, ["m"]);
    doc.nodes.splice(1, 0, { id: "m", type: "model", data: { model: "t:m", prompt: reply } });
    doc.edges!.push({ source: "in", target: "m" });
    const { result } = await run(doc, { gateway });
    expect(result.error?.message).toMatch(/got 0/);
  }, HANG);

  it("self-reported confidence and JSON in a reply, on replies made to backtrack", () => {
    expect(selfReportedConfidence(`confidence${" ".repeat(100_000)}x`)).toBeUndefined();
    expect(selfReportedConfidence(`${"word ".repeat(300_000)}Confidence: 92%`)).toBe(0.92);
    expect(readJsonPath("{".repeat(300_000), "a")).toBeUndefined();
    expect(readJsonPath(`${"{".repeat(1000)}{"a": 1}`, "a")).toBeUndefined(); // the first '{' starts the span, as before
  }, HANG);
});

describe("patterns RE2 cannot run are validation errors naming the node", () => {
  it.each([
    ["/(a)\\1/", "router 'r': /(a)\\1/ uses a backreference, which Switchyard's linear-time regex engine does not support"],
    ["/refund(?!s)/i", "router 'r': /refund(?!s)/i uses a lookahead, which Switchyard's linear-time regex engine does not support"],
    ["/x/y", "router 'r': /x/y uses flag 'y', which Switchyard's linear-time regex engine does not support (flags: i, m, s, u)"],
  ])("router keyword %s", (keyword, message) => {
    expect(validateFlow(router([keyword])).problems).toEqual([{ severity: "error", code: "invalid-regex", nodeId: "r", message }]);
  });

  it("vote and extract patterns", () => {
    const vote = validateFlow(single("v", "vote", { extract: { kind: "regex", pattern: "(?<=\\$)\\d+" } }, ["in", "in"])).problems;
    expect(vote).toContainEqual(expect.objectContaining({ code: "invalid-regex", nodeId: "v", message: "vote 'v': /(?<=\\$)\\d+/i uses a lookbehind, which Switchyard's linear-time regex engine does not support" }));
    const extract = validateFlow(single("ex", "extract", { fields: [{ name: "zip", pattern: "(\\d)\\1" }] })).problems;
    expect(extract).toEqual([expect.objectContaining({ code: "invalid-regex", nodeId: "ex", message: "extract 'ex', field 'zip': /(\\d)\\1/i uses a backreference, which Switchyard's linear-time regex engine does not support" })]);
  });
});

describe("many patterns against a long text", () => {
  it("a router working through hundreds of regex keywords lets other tasks run meanwhile", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const keywords = Array.from({ length: 150 }, (_, i) => `/needle${i}\\d/i`);
    const { events } = await run(router(keywords), { gateway, inputs: { question: "hay ".repeat(25_000) } });
    clearInterval(timer);
    expect(outputOf(events, "r").route).toBe("miss");
    expect(ticks).toBeGreaterThan(0);
  }, HANG);
});
