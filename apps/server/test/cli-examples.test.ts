import { describe, expect, it } from "vitest";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cliEvents, example, ofType, spawnCli } from "./cli-helpers";

/** DESIGN.md's normative example, copied verbatim: the document format's own example must run. */
const designExample = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/design-example.json");

/** Each example shows its pattern at work in the event stream, as the engine issue asks. */
describe("example flows through the CLI", () => {
  it("pipeline: each stage sees only what its template references", async () => {
    const { code, events } = await cliEvents("run", example("pipeline.json"), "--seed", "1");
    expect(code).toBe(0);
    const prompts = Object.fromEntries(ofType(events, "node.completed").map((e) => [e.nodeId, e.output.prompt]));
    expect(prompts.review).toContain("function fib");
    expect(prompts.review).not.toContain("Plan how to solve");
    expect(prompts.code).toContain("Handle n < 2");
    const end = events.at(-1)!;
    expect(end.type).toBe("run.completed");
  });

  it("ensemble: three branches run concurrently and the vote reports answer, agreement and table", async () => {
    const { code, events } = await cliEvents("run", example("ensemble-vote.json"), "--seed", "1");
    expect(code).toBe(0);
    const vote = ofType(events, "node.completed").find((e) => e.nodeId === "vote")!;
    expect(vote.output.answer).toBe("C");
    expect(vote.output.votes).toHaveLength(3);
    expect(vote.output.agreement).toBeGreaterThanOrEqual(2 / 3);
    const starts = ofType(events, "node.started").filter((e) => e.nodeId.startsWith("model-")).map((e) => e.seq);
    const firstDone = Math.min(...ofType(events, "node.completed").filter((e) => e.nodeId.startsWith("model-")).map((e) => e.seq));
    expect(Math.max(...starts)).toBeLessThan(firstDone);
  });

  it("cascade: the gate reports confidence, threshold and decision", async () => {
    const decisions = new Set<string>();
    for (const seed of ["1", "2", "3", "4", "5", "6"]) {
      const { code, events } = await cliEvents("run", example("cascade.json"), "--seed", seed);
      expect(code).toBe(0);
      const gate = ofType(events, "node.completed").find((e) => e.nodeId === "gate")!;
      decisions.add(String(gate.output.decision));
      expect(gate.output.threshold).toBe(0.8);
      const strong = events.filter((e) => "nodeId" in e && e.nodeId === "strong").map((e) => e.type);
      expect(strong).toEqual(gate.output.decision === "pass" ? ["node.skipped"] : expect.arrayContaining(["node.started", "node.completed"]));
    }
    expect(decisions).toEqual(new Set(["pass", "escalate"]));
  });

  it("routing: the route taken runs, the others are skipped", async () => {
    const { events } = await cliEvents("run", example("routing.json"), "--input", "request=What is the derivative of x^2?", "--seed", "1");
    const router = ofType(events, "node.completed").find((e) => e.nodeId === "router")!;
    expect(router.output.route).toBe("math");
    expect(ofType(events, "node.skipped").map((e) => e.nodeId).sort()).toEqual(["coder", "generalist", "quick"]);
  });

  it("hybrid: hard questions go through the ensemble and the writer", async () => {
    const { code, events } = await cliEvents("run", example("hybrid.json"), "--seed", "1");
    expect(code).toBe(0);
    expect(ofType(events, "node.completed").find((e) => e.nodeId === "router")!.output.route).toBe("hard");
    expect(ofType(events, "node.skipped").map((e) => e.nodeId)).toEqual(["quick"]);
    const vote = ofType(events, "node.completed").find((e) => e.nodeId === "vote")!;
    expect(vote.output.agreement).toBeCloseTo(2 / 3);
  });

  it("fallback chain: retries, then fallback on error, then on timeout", async () => {
    const { code, events } = await cliEvents("run", example("fallback-chain.json"), "--seed", "1");
    expect(code).toBe(0);
    expect(ofType(events, "node.retry").filter((e) => e.nodeId === "primary").map((e) => e.attempt)).toEqual([1, 2]);
    expect(ofType(events, "node.fallback").map((e) => [e.from, e.to, e.reason])).toEqual([
      ["primary", "fallback-1", "error"],
      ["fallback-1", "fallback-2", "timeout"],
    ]);
    const end = ofType(events, "run.completed")[0]!;
    expect(String(end.outputs.answer)).toMatch(/^Incident summary/);
  });

  it("costs of the nodes add up to the run total in every example", async () => {
    for (const file of ["pipeline.json", "ensemble-vote.json", "cascade.json", "routing.json", "hybrid.json", "fallback-chain.json"]) {
      const { events } = await cliEvents("run", example(file), "--seed", "7");
      const end = events.at(-1)!;
      if (end.type !== "run.completed") throw new Error(`${file} did not complete`);
      const nodeCosts = [...ofType(events, "node.completed"), ...ofType(events, "node.failed")].reduce((sum, e) => sum + e.costUsd, 0);
      const tokens = ofType(events, "node.completed").reduce((sum, e) => sum + e.usage.input + e.usage.output, 0);
      expect(end.costUsd).toBeGreaterThan(0);
      expect(nodeCosts).toBeCloseTo(end.costUsd, 12);
      expect(tokens).toBe(end.tokens.input + end.tokens.output);
    }
  });

  it("the same seed gives the same events", async () => {
    const strip = (events: unknown[]) => JSON.stringify(events, (k, v) => (k === "time" || k === "latencyMs" || k === "runId" ? undefined : v));
    const a = await cliEvents("run", example("cascade.json"), "--seed", "42");
    const b = await cliEvents("run", example("cascade.json"), "--seed", "42");
    expect(strip(a.events)).toBe(strip(b.events));
  });

  it("DESIGN.md's example validates and runs with --input question=…, its input node bound to the one declared input", async () => {
    const validated = await spawnCli(["validate", designExample]);
    expect(validated).toMatchObject({ code: 0, stdout: expect.stringContaining("is valid") });
    const ran = await spawnCli(["run", designExample, "--input", "question=What is the capital of Australia?", "--seed", "1", "--json"]);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    const events = ran.stdout.trim().split("\n").map((line) => JSON.parse(line) as { type: string; nodeId?: string; output?: { value?: unknown } });
    expect(events.find((e) => e.type === "node.completed" && e.nodeId === "in")?.output?.value).toBe("What is the capital of Australia?");
    expect(events.at(-1)).toMatchObject({ type: "run.completed", outputs: { answer: expect.any(String) } });
  });
});
