import { describe, expect, it } from "vitest";
import { ScriptedGateway } from "../test-support/scripted-gateway";
import { flow, nodeEvent, outputOf, run } from "../test-support/run-helpers";
import { InMemoryMemoryStore, type MemoryTurn } from "../memory/memory-store";
import { ModelError } from "../model/model-errors";

function chat(memory: Record<string, unknown> = {}) {
  return flow({
    inputs: [
      { name: "question", type: "string" },
      { name: "session", type: "string" },
    ],
    nodes: [
      { id: "mem", type: "memory", data: { session: "{{input.session}}", user: "{{input.question}}", ...memory } },
      { id: "m", type: "model", data: { model: "t:chat", prompt: "{{nodes.mem}}\nUser: {{input.question}}", retry: { maxAttempts: 1 } } },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "mem", target: "m" },
      { source: "m", target: "out" },
    ],
  });
}

async function storeWith(session: string, turns: MemoryTurn[]): Promise<InMemoryMemoryStore> {
  const store = new InMemoryMemoryStore();
  for (const turn of turns) await store.append(session, turn);
  return store;
}

const three: MemoryTurn[] = [
  { user: "one", assistant: "1" },
  { user: "two", assistant: "2" },
  { user: "three", assistant: "3" },
];

describe("memory node", () => {
  it("loads the session's history and hands it downstream", async () => {
    const memory = await storeWith("s1", three);
    const gateway = new ScriptedGateway({ "t:chat": "4" });
    const { events } = await run(chat(), { gateway, memory, inputs: { question: "four", session: "s1" } });
    const history = "User: one\nAssistant: 1\n\nUser: two\nAssistant: 2\n\nUser: three\nAssistant: 3";
    expect(outputOf(events, "mem")).toEqual({ value: history, text: history, turns: 3, dropped: 0, summarized: false });
    expect(gateway.calls[0]!.prompt).toBe(`${history}\nUser: four`);
  });

  it("drops the oldest turns to fit the token budget", async () => {
    const memory = await storeWith("s1", three);
    // all three turns are 72 characters (18 tokens); the last two are 48 (12 tokens)
    const { events } = await run(chat({ maxTokens: 16 }), { gateway: new ScriptedGateway({ "t:chat": "4" }), memory, inputs: { question: "four", session: "s1" } });
    expect(outputOf(events, "mem")).toMatchObject({ value: "User: two\nAssistant: 2\n\nUser: three\nAssistant: 3", turns: 2, dropped: 1, summarized: false });
  });

  it("keeps sessions apart, and starts empty", async () => {
    const memory = await storeWith("other", three);
    const { events } = await run(chat(), { gateway: new ScriptedGateway({ "t:chat": "hi" }), memory, inputs: { question: "hello", session: "new" } });
    expect(outputOf(events, "mem")).toMatchObject({ value: "", turns: 0, dropped: 0 });
  });

  it("saves the exchange after a successful run", async () => {
    const memory = await storeWith("s1", three);
    const gateway = new ScriptedGateway({ "t:chat": "four!" });
    const { result } = await run(chat(), { gateway, memory, inputs: { question: "four?", session: "s1" } });
    expect(result.status).toBe("completed");
    expect(await memory.load("s1")).toEqual([...three, { user: "four?", assistant: "four!" }]);
    const next = await run(chat(), { gateway, memory, inputs: { question: "five?", session: "s1" } });
    expect(outputOf(next.events, "mem").turns).toBe(4);
  });

  it("saves the output named by saveOutput", async () => {
    const memory = new InMemoryMemoryStore();
    const doc = chat({ saveOutput: "answer" });
    await run(doc, { gateway: new ScriptedGateway({ "t:chat": "ok" }), memory, inputs: { question: "q1", session: "s" } });
    expect(await memory.load("s")).toEqual([{ user: "q1", assistant: "ok" }]);
  });

  it("does not save when the run fails", async () => {
    const memory = await storeWith("s1", three);
    const gateway = new ScriptedGateway({ "t:chat": new ModelError("auth", "bad key", { status: 401 }) });
    const { result } = await run(chat(), { gateway, memory, inputs: { question: "four?", session: "s1" } });
    expect(result.status).toBe("failed");
    expect(await memory.load("s1")).toEqual(three);
  });

  it("fails when the session id renders empty", async () => {
    const { result, events } = await run(chat(), { gateway: new ScriptedGateway({ "t:chat": "x" }), memory: new InMemoryMemoryStore(), inputs: { question: "q", session: "  " } });
    expect(result.status).toBe("failed");
    expect(nodeEvent(events, "node.failed", "mem").error.message).toBe("memory needs a session id, but it rendered empty");
  });

  it("summarize mode: summarizes the turns that do not fit, losing none of them", async () => {
    const long = (n: number): MemoryTurn => ({ user: `${n}`.repeat(20), assistant: `${n}`.repeat(20) }); // 58 characters formatted
    const turns = [long(1), long(2), long(3), long(4)];
    const memory = await storeWith("s1", turns);
    const gateway = new ScriptedGateway({ "t:chat": "ok", "t:sum": "S".repeat(40) });
    const { events } = await run(chat({ maxTokens: 40, mode: "summarize", model: "t:sum" }), { gateway, memory, inputs: { question: "q", session: "s1" } });
    const mem = outputOf(events, "mem");
    const value = String(mem.value);
    const summaryPrompt = gateway.callsTo("t:sum")[0]!.prompt;
    expect(mem.summarized).toBe(true);
    expect(value.startsWith(`Earlier conversation (summary): ${"S".repeat(40)}`)).toBe(true);
    expect(Math.ceil(value.length / 4)).toBeLessThanOrEqual(40);
    expect(Number(mem.turns) + Number(mem.dropped)).toBe(4);
    // every turn is either summarized or kept verbatim
    for (const turn of turns) expect(summaryPrompt.includes(turn.user) || value.includes(turn.user)).toBe(true);
    expect(summaryPrompt.split("User: ")).toHaveLength(Number(mem.dropped) + 1);
  });

  it("summarize mode: cuts a summary that overshoots its budget instead of dropping more turns", async () => {
    const memory = await storeWith("s1", three);
    const gateway = new ScriptedGateway({ "t:chat": "ok", "t:sum": "W".repeat(500) });
    const { events } = await run(chat({ maxTokens: 16, mode: "summarize", model: "t:sum" }), { gateway, memory, inputs: { question: "q", session: "s1" } });
    expect(outputOf(events, "mem")).toMatchObject({ value: `Earlier conversation (summary): ${"W".repeat(16)}`, turns: 0, dropped: 3, summarized: true });
    expect(nodeEvent(events, "node.completed", "mem").truncated).toBe("max_tokens");
    expect(gateway.callsTo("t:sum")[0]).toMatchObject({ maxTokens: 4, prompt: "User: one\nAssistant: 1\n\nUser: two\nAssistant: 2\n\nUser: three\nAssistant: 3" });
  });
});
