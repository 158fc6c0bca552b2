import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, nodeEvent, nodeEvents, outputOf, run } from "../test-support/run-helpers";
import { validateFlow } from "../validation/validate-flow";

type Route = { name: string; keywords?: string[]; examples?: string[]; description?: string };

/** `in` → router → one constant per route (named after it) → `out`; the billing route runs a chain of two. */
function routed(router: Record<string, unknown> & { routes: Route[] }) {
  const names = router.routes.map((r) => r.name);
  return flow({
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: "router", type: "router", data: router },
      ...names.map((name) => ({ id: `on-${name}`, type: "template", data: { template: `${name}: {{input.question}}` } })),
      { id: "chain", type: "template", data: { template: "then {{nodes.on-billing}}" } },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "in", target: "router" },
      ...names.map((name) => ({ source: "router", sourceHandle: name, target: `on-${name}` })),
      { source: "on-billing", target: "chain" },
      { source: "chain", target: "out" },
      ...names.filter((n) => n !== "billing").map((name) => ({ source: `on-${name}`, target: "out" })),
    ],
  });
}

const keywordRoutes: Route[] = [
  { name: "billing", keywords: ["refund", "invoice"] },
  { name: "tech", keywords: ["/err(or)?\\s*\\d{3}/i", "crash"] },
  { name: "general" },
];

describe("router node: keywords", () => {
  const doc = routed({ routes: keywordRoutes, default: "general" });
  const gateway = new ScriptedGateway({});

  it("takes the route whose keyword matches, case-insensitively", async () => {
    const { result, events } = await run(doc, { gateway, inputs: { question: "I want a REFUND please" } });
    expect(result.outputs).toEqual({ answer: "then billing: I want a REFUND please" });
    expect(outputOf(events, "router")).toEqual({ value: "I want a REFUND please", text: "I want a REFUND please", route: "billing", reason: "matched keyword refund" });
    expect(nodeEvent(events, "node.completed", "router").output.route).toBe("billing");
    expect(nodeEvents(events, "on-tech")).toEqual(["node.skipped"]);
    expect(nodeEvents(events, "on-general")).toEqual(["node.skipped"]);
  });

  it("matches /regex/flags rules", async () => {
    const { result, events } = await run(doc, { gateway, inputs: { question: "got ERR 503 again" } });
    expect(result.outputs).toEqual({ answer: "tech: got ERR 503 again" });
    expect(outputOf(events, "router").reason).toBe("matched keyword /err(or)?\\s*\\d{3}/i");
  });

  it("takes the default route when nothing matches; untaken routes are skipped and the skip propagates down a chain", async () => {
    const { result, events } = await run(doc, { gateway, inputs: { question: "refunding is a word, not the keyword" } });
    expect(result.outputs).toEqual({ answer: "general: refunding is a word, not the keyword" });
    expect(outputOf(events, "router")).toMatchObject({ route: "general", reason: "no keyword matched; default route" });
    expect(nodeEvent(events, "node.skipped", "on-billing").reason).toBe("branch not taken");
    expect(nodeEvent(events, "node.skipped", "chain").reason).toBe("branch not taken");
    expect(nodeEvents(events, "out")).toEqual(["node.started", "node.completed"]);
  });

  it("routes on its text template instead of the incoming value", async () => {
    const withText = routed({ routes: keywordRoutes, default: "general", text: "{{input.topic}}" });
    withText.inputs = [{ name: "question", type: "string" }, { name: "topic", type: "string" }];
    const { result } = await run(withText, { gateway, inputs: { question: "hello", topic: "invoice" } });
    expect(result.outputs).toEqual({ answer: "then billing: hello" });
  });

  it("keeps a route named 'out' conditional like any other", async () => {
    const doc2 = flow({
      nodes: [
        { id: "in", type: "input", data: { name: "question" } },
        { id: "router", type: "router", data: { routes: [{ name: "out", keywords: ["leave"] }, { name: "stay" }], default: "stay" } },
        { id: "leaving", type: "constant", data: { value: "bye" } },
        { id: "staying", type: "constant", data: { value: "welcome" } },
        { id: "answer", type: "output" },
      ],
      edges: [
        { source: "in", target: "router" },
        { source: "router", sourceHandle: "out", target: "leaving" },
        { source: "router", sourceHandle: "stay", target: "staying" },
        { source: "leaving", target: "answer" },
        { source: "staying", target: "answer" },
      ],
    });
    const { result, events } = await run(doc2, { gateway, inputs: { question: "hello" } });
    expect(nodeEvents(events, "leaving")).toEqual(["node.skipped"]);
    expect(result.outputs).toEqual({ answer: "welcome" });
  });
});

describe("router node: classifier", () => {
  const routes: Route[] = [
    { name: "billing", description: "payments and refunds" },
    { name: "tech", description: "bugs" },
    { name: "general" },
  ];
  const doc = routed({ strategy: "classifier", model: "t:classify", routes, default: "general" });

  it("takes the route the model names and shows it the routes", async () => {
    const gateway = new ScriptedGateway({ "t:classify": "Route: Tech." });
    const { result, events } = await run(doc, { gateway, inputs: { question: "app crashes" } });
    expect(result.outputs).toEqual({ answer: "tech: app crashes" });
    expect(outputOf(events, "router")).toMatchObject({ route: "tech", reason: 'classifier answered "Route: Tech."' });
    const call = gateway.callsTo("t:classify")[0]!;
    expect(call.prompt).toBe("Routes:\n- billing: payments and refunds\n- tech: bugs\n- general\n\nMessage:\napp crashes\n\nRoute name:");
    expect(call).toMatchObject({ temperature: 0, maxTokens: 20 });
    expect(nodeEvent(events, "node.completed", "router").costUsd).toBeGreaterThan(0);
  });

  it("takes the default route when the reply names no route", async () => {
    const gateway = new ScriptedGateway({ "t:classify": "banana" });
    const { result, events } = await run(doc, { gateway, inputs: { question: "hmm" } });
    expect(result.outputs).toEqual({ answer: "general: hmm" });
    expect(outputOf(events, "router").reason).toBe('classifier answered "banana", not a route; default route');
  });
});

describe("router node: embedding similarity", () => {
  // ScriptedGateway embeds a text as its letter counts.
  const routes: Route[] = [
    { name: "billing", examples: ["aaaa", "cccc"] },
    { name: "tech", examples: ["bbbb"] },
    { name: "general", examples: ["dddd"] },
  ];
  const doc = routed({ strategy: "embedding", embeddingModel: "test:embed", routes, default: "general", minSimilarity: 0.5 });
  const gateway = new ScriptedGateway({});

  it("takes the route with the most similar example and reports the scores", async () => {
    const { result, events } = await run(doc, { gateway, inputs: { question: "bab" } });
    expect(result.outputs).toEqual({ answer: "tech: bab" });
    const router = outputOf(events, "router");
    expect(router.route).toBe("tech");
    const scores = router.scores as Record<string, number>;
    expect(scores.billing).toBeCloseTo(1 / Math.sqrt(5), 12);
    expect(scores.tech).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(scores.general).toBe(0);
    expect(router.reason).toBe("most similar examples (0.89)");
  });

  it("takes the default route below minSimilarity", async () => {
    const { result, events } = await run(doc, { gateway, inputs: { question: "zzz" } });
    expect(result.outputs).toEqual({ answer: "general: zzz" });
    expect(outputOf(events, "router").reason).toBe("best similarity below 0.5; default route");
  });
});

describe("router node: validation", () => {
  it("reports routes without edges, a default that is not a route, duplicates, bad regexes and missing models", () => {
    const doc = flow({
      nodes: [
        { id: "in", type: "input", data: { name: "question" } },
        { id: "kw", type: "router", data: { routes: [{ name: "a", keywords: ["/([/"] }, { name: "b" }, { name: "a" }], default: "c" } },
        { id: "cls", type: "router", data: { strategy: "classifier", routes: [{ name: "x" }], default: "x" } },
        { id: "emb", type: "router", data: { strategy: "embedding", routes: [{ name: "y" }], default: "y" } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "in", target: "kw" },
        { source: "kw", sourceHandle: "a", target: "out" },
        { source: "in", target: "cls" },
        { source: "cls", sourceHandle: "x", target: "out" },
        { source: "in", target: "emb" },
        { source: "emb", sourceHandle: "y", target: "out" },
      ],
    });
    const result = validateFlow(doc);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.nodeId, p.severity])).toEqual([
      ["route-unwired", "kw", "error"],
      ["duplicate-route", "kw", "error"],
      ["unknown-default-route", "kw", "error"],
      ["invalid-regex", "kw", "error"],
      ["missing-model", "cls", "error"],
      ["missing-model", "emb", "error"],
      ["route-without-examples", "emb", "warning"],
    ]);
    expect(result.problems[0]!.message).toBe("route 'b' of router 'kw' has no edge");
    expect(result.problems[2]!.message).toBe("router 'kw' defaults to 'c', which is not one of its routes (a, b, a)");
  });
});
