import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliEvents, example, spawnCli } from "./cli-helpers";

let dir: string;
const file = async (name: string, content: unknown) => {
  const target = path.join(dir, name);
  await writeFile(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
};
const base = { format: "switchyard.flow/v1", name: "t", inputs: [{ name: "q", type: "string" }] };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "switchyard-cli-"));
});

describe("CLI user errors: exit code 2, one clear line, no stack trace", () => {
  it("validate lists every problem with its node id", async () => {
    const flow = await file("bad.json", {
      ...base,
      nodes: [
        { id: "a", type: "model", data: { model: "sim:fast", prompt: "{{nodes.ghost.text}} {{constructor}}" } },
        { id: "b", type: "teleport" },
        { id: "g", type: "gate", data: { threshold: 0.5 } },
      ],
      edges: [{ source: "a", target: "g" }, { source: "g", sourceHandle: "pass", target: "a" }],
    });
    const { code, err } = await cli("validate", flow);
    expect(code).toBe(2);
    const text = err.join("\n");
    expect(err[0]).toMatch(/bad\.json is invalid: \d+ problems/);
    expect(text).toContain("node 'a' references node 'ghost', which does not exist");
    expect(text).toContain("'{{constructor}}' is not a valid reference");
    expect(text).toContain("node 'b' has unknown type 'teleport'");
    expect(text).toContain("gate 'g' has nothing connected to its 'escalate' port");
    expect(text).toMatch(/cycle: .*a.*g.*a/);
    expect(text).toContain("no output node");
  });

  it("refuses a 10 MB file before parsing it", async () => {
    const flow = await file("huge.json", JSON.stringify({ ...base, nodes: [{ id: "a", type: "constant", data: { value: "x".repeat(10_000_000) } }] }));
    const { code, err } = await cli("run", flow);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/huge\.json is 10\.0 MB; a flow file may be at most 2\.0 MB/);
  });

  it("reports an oversized prompt inside a normal-size file as a validation problem", async () => {
    const flow = await file("long.json", { ...base, nodes: [{ id: "a", type: "model", data: { model: "sim:fast", prompt: "x".repeat(300_000) } }, { id: "o", type: "output" }], edges: [{ source: "a", target: "o" }] });
    const { code, err } = await cli("validate", flow);
    expect(code).toBe(2);
    expect(err.join("\n")).toMatch(/node 'a': data.prompt: Too big/);
  });

  it("the real binary refuses a document nested 100,000 levels deep as invalid (exit 2), in validate and run", async () => {
    const deep = `${"[".repeat(100_000)}"x"${"]".repeat(100_000)}`;
    const text = `{"format":"switchyard.flow/v1","name":"t","inputs":[{"name":"q"}],"nodes":[{"id":"c","type":"constant","data":{"value":${deep}}},{"id":"o","type":"output"}],"edges":[{"source":"c","target":"o"}]}`;
    const flow = await file("deep.json", text);
    for (const command of ["validate", "run"]) {
      const result = await spawnCli([command, flow]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("the flow is nested more than 64 levels deep at nodes.0.data.value.0.0…");
      expect(result.stderr).not.toMatch(/internal error|Maximum call stack/);
    }
  });

  it("refuses a deeply nested JSON input and a NUL in an input as bad input (exit 2)", async () => {
    const flow = await file("json-input.json", { ...base, inputs: [{ name: "q", type: "json" }], nodes: [{ id: "q", type: "input" }, { id: "o", type: "output" }], edges: [{ source: "q", target: "o" }] });
    const deep = await cli("run", flow, "--input", `q=${"[".repeat(100_000)}1${"]".repeat(100_000)}`);
    expect(deep.code).toBe(2);
    expect(deep.err[0]).toMatch(/bad input: input 'q(\.0)+' is nested more than 64 levels deep/);
    const nul = await cli("run", flow, "--input", 'q="a\\u0000"'); // JSON text whose string holds a NUL
    expect(nul.code).toBe(2);
    expect(nul.err[0]).toBe("switchyard: bad input: input 'q' contains U+0000 (a NUL character) at character 2, which cannot be stored");
  });

  it("rejects malformed JSON, wrong types and unknown formats", async () => {
    expect((await cli("run", await file("syntax.json", "{ nope"))).err[0]).toMatch(/syntax\.json is not valid JSON/);
    expect((await cli("run", await file("array.json", [1, 2]))).err.join(" ")).toContain("must be a JSON object");
    expect((await cli("run", await file("v9.json", { ...base, format: "switchyard.flow/v9", nodes: [] }))).err.join(" ")).toContain('unsupported flow format "switchyard.flow/v9"');
    const types = await cli("run", await file("types.json", { ...base, nodes: "lots", edges: 3 }));
    expect(types.code).toBe(2);
    expect(types.err.join(" ")).toMatch(/nodes: .*expected array/);
  });

  it("rejects bad arguments and inputs", async () => {
    expect((await cli("launch")).code).toBe(2);
    expect((await cli("run")).err[0]).toContain("run needs a flow file");
    expect((await cli("run", example("cascade.json"), "--seed", "abc")).err[0]).toContain("--seed must be a non-negative integer");
    expect((await cli("run", example("cascade.json"), "--input", "nonsense")).err[0]).toContain("must look like name=value");
    const unknown = await cli("run", example("cascade.json"), "--input", "colour=blue");
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toContain("unknown input 'colour'");
    expect((await cli("run", path.join(dir, "missing.json"))).err[0]).toContain("no such file");
  });

  it("names an unknown model provider as a validation error", async () => {
    const flow = await file("model.json", { ...base, nodes: [{ id: "a", type: "model", data: { model: "acme:brain", prompt: "{{input.q}}" } }, { id: "o", type: "output" }], edges: [{ source: "a", target: "o" }] });
    const { code, err } = await cli("run", flow, "--input", "q=hi");
    expect(code).toBe(2);
    expect(err.join(" ")).toMatch(/node 'a': unknown model provider 'acme'/);
  });

  it("a missing key fails that node at run time with a clear message, and its fallback takes over", async () => {
    const flow = await file("keys.json", {
      ...base,
      nodes: [
        { id: "gpt", type: "model", data: { model: "openai:gpt-4o-mini", prompt: "{{input.q}}" } },
        { id: "local", type: "model", data: { model: "sim:fast", prompt: "{{input.q}}", sim: { reply: "offline answer", latencyMs: 0 } } },
        { id: "o", type: "output" },
      ],
      edges: [{ source: "gpt", target: "o" }, { source: "gpt", target: "local", kind: "fallback" }, { source: "local", target: "o" }],
    });
    const { code, events } = await cliEvents("run", flow, "--input", "q=hi");
    expect(code).toBe(0);
    const failed = events.find((e) => e.type === "node.failed");
    expect(failed).toMatchObject({ nodeId: "gpt", error: { code: "unavailable" } });
    expect(JSON.stringify(failed)).toMatch(/OpenAI API key/);
    expect(events.at(-1)).toMatchObject({ type: "run.completed", outputs: { o: "offline answer" } });
  });

  it("a failed run exits 1 and names the failed node", async () => {
    const flow = await file("fail.json", {
      ...base,
      nodes: [{ id: "m", type: "model", data: { model: "sim:fast", prompt: "{{input.q}}", retry: { maxAttempts: 2, baseDelayMs: 1 }, sim: { alwaysFail: true, failWith: 500, latencyMs: 0 } } }, { id: "o", type: "output" }],
      edges: [{ source: "m", target: "o" }],
    });
    const { code, err } = await cli("run", flow, "--input", "q=hi", "--seed", "1");
    expect(code).toBe(1);
    expect(err.join("\n")).toMatch(/failed in \d+ ms[\s\S]*node 'm' failed/);
  });

  it("the real binary prints user errors without a stack trace", async () => {
    const result = await spawnCli(["run", await file("cycle.json", { ...base, nodes: [{ id: "a", type: "template", data: { template: "{{nodes.b.text}}" } }, { id: "b", type: "template", data: { template: "{{nodes.a.text}}" } }, { id: "o", type: "output" }], edges: [{ source: "a", target: "o" }] })]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^switchyard: .*cycle\.json is invalid/);
    expect(result.stderr).toContain("cycle:");
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    const ok = await spawnCli(["run", example("ensemble-vote.json"), "--seed", "1"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("answer: C");
  });
});
