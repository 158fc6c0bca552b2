import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, nodeEvent, outputOf, run } from "../test-support/run-helpers";
import type { SubflowLoader } from "../engine/run-options";

/** A child flow: translate(text) → { translated, chars }. */
const child = flow({
  name: "translate",
  inputs: [{ name: "text", type: "string" }],
  nodes: [
    { id: "text", type: "input" },
    { id: "tr", type: "model", data: { model: "t:child", prompt: "Translate: {{input.text}}" } },
    { id: "translated", type: "output" },
    { id: "echo", type: "output" },
  ],
  edges: [
    { source: "text", target: "tr" },
    { source: "tr", target: "translated" },
    { source: "text", target: "echo" },
  ],
});

function parent(data: Record<string, unknown>) {
  return flow({
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: "pre", type: "model", data: { model: "t:parent", prompt: "{{input.question}}" } },
      { id: "sub", type: "subflow", data: { flow: "translate.json", inputs: { text: "{{nodes.pre.text}}!" }, ...data } },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "in", target: "pre" },
      { source: "pre", target: "sub" },
      { source: "sub", target: "out" },
    ],
  });
}

function loaderOf(docs: Record<string, unknown>): SubflowLoader & { loaded: string[] } {
  const loaded: string[] = [];
  return {
    loaded,
    async load(ref) {
      loaded.push(ref);
      if (!Object.hasOwn(docs, ref)) throw new Error(`no flow '${ref}'`);
      return { document: docs[ref] };
    },
  };
}

describe("subflow node", () => {
  const price = { inputPerMTok: 1_000_000, outputPerMTok: 1_000_000 };

  it("runs the nested flow with rendered inputs, takes its first output, and rolls up its cost", async () => {
    const gateway = new ScriptedGateway({ "t:parent": "hola", "t:child": "hello" }, { price });
    const subflows = loaderOf({ "translate.json": child });
    const { result, events } = await run(parent({}), { gateway, subflows });
    expect(subflows.loaded).toEqual(["translate.json"]);
    expect(gateway.callsTo("t:child")[0]!.prompt).toBe("Translate: hola!");
    expect(result.outputs).toEqual({ answer: "hello" });
    expect(outputOf(events, "sub").outputs).toEqual({ translated: "hello", echo: "hola!" });
    // child call: "Translate: hola!" = 4 tokens in, "hello" = 2 out → $6; parent call: 1 + 1 → $2
    const sub = nodeEvent(events, "node.completed", "sub");
    expect(sub).toMatchObject({ costUsd: 6, usage: { input: 4, output: 2 } });
    expect(result.costUsd).toBe(8);
    expect(result.tokens).toEqual({ input: 5, output: 3 });
  });

  it("takes the output named by data.output", async () => {
    const gateway = new ScriptedGateway({ "t:parent": "hola", "t:child": "hello" });
    const { result } = await run(parent({ output: "echo" }), { gateway, subflows: loaderOf({ "translate.json": child }) });
    expect(result.outputs).toEqual({ answer: "hola!" });
  });

  it("fails clearly when the named output does not exist", async () => {
    const gateway = new ScriptedGateway({ "t:parent": "hola", "t:child": "hello" });
    const { events } = await run(parent({ output: "nope" }), { gateway, subflows: loaderOf({ "translate.json": child }) });
    expect(nodeEvent(events, "node.failed", "sub").error.message).toBe("subflow 'translate.json' has no output named 'nope'");
  });

  it("fails when the nested flow fails, naming it", async () => {
    const gateway = new ScriptedGateway({ "t:parent": "hola" });
    const { result, events } = await run(parent({}), { gateway, subflows: loaderOf({ "translate.json": child }) });
    expect(result.status).toBe("failed");
    expect(nodeEvent(events, "node.failed", "sub").error.message).toBe("subflow 'translate.json' failed: node 'tr' failed: unknown model 't:child'");
  });

  it("fails when the nested flow is invalid or the host cannot load subflows", async () => {
    const gateway = new ScriptedGateway({ "t:parent": "hola" });
    const invalid = await run(parent({}), { gateway, subflows: loaderOf({ "translate.json": { format: "switchyard.flow/v1", name: "x", nodes: [] } }) });
    expect(nodeEvent(invalid.events, "node.failed", "sub").error.message).toBe("subflow 'translate.json' is invalid: the flow has no output node, so a run would produce nothing");
    const noLoader = await run(parent({}), { gateway });
    expect(nodeEvent(noLoader.events, "node.failed", "sub").error.message).toBe("this host cannot load subflows (needed for 'translate.json')");
  });

  it("stops a flow that runs itself at the depth limit with a clear error", async () => {
    const selfish = flow({
      nodes: [
        { id: "in", type: "input", data: { name: "question" } },
        { id: "again", type: "subflow", data: { flow: "self.json", inputs: { question: "{{input.question}}" } } },
        { id: "out", type: "output" },
      ],
      edges: [
        { source: "in", target: "again" },
        { source: "again", target: "out" },
      ],
    });
    const subflows = loaderOf({ "self.json": selfish });
    const { result } = await run(selfish, { gateway: new ScriptedGateway({}), subflows });
    expect(result.status).toBe("failed");
    expect(subflows.loaded).toHaveLength(5);
    expect(result.error?.message).toContain("subflows nest deeper than 5 levels (does 'self.json' run itself?)");
  });
});
