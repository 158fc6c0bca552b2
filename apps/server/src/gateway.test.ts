import { createServer } from "node:http";
import { ModelError, validateFlow } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";
import { gatewayConfigFromEnv, gatewayFromEnv } from "./gateway";
import { providerServices } from "./providers";

const request = (model: string) => ({ model, prompt: "hi", seed: "s", attempt: 1, signal: AbortSignal.timeout(10_000) });
const flowWith = (model: string) => ({
  format: "switchyard.flow/v1",
  name: "local",
  inputs: [{ name: "q" }],
  nodes: [{ id: "q", type: "input" }, { id: "local", type: "model", data: { model, prompt: "{{input.q}}" } }, { id: "o", type: "output" }],
  edges: [{ source: "q", target: "local" }, { source: "local", target: "o" }],
});

describe("built-in local endpoints are the operator's choice", () => {
  it("a server refuses ollama:… by default, naming the node and how to enable it", () => {
    const services = providerServices(gatewayConfigFromEnv(loadEnv({})));
    const result = validateFlow(flowWith("ollama:llama3"), { checkModel: services.checkModel });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: "model-unavailable",
        nodeId: "local",
        message: "node 'local': ollama:llama3: the built-in Ollama endpoint (on the server's own machine) is off; the server's operator can enable it with SWITCHYARD_LOCAL_MODELS=ollama",
      }),
    ]);
    expect(services.catalog({}).map((g) => g.provider)).not.toContain("ollama");
  });

  it("the CLI, on the user's own machine, enables them unless told otherwise", () => {
    expect(gatewayFromEnv(loadEnv({}), "cli").describe("ollama:llama3").unavailable).toBeUndefined();
    expect(gatewayFromEnv(loadEnv({ SWITCHYARD_LOCAL_MODELS: "none" }), "cli").describe("ollama:llama3").unavailable).toMatch(/is off/);
  });

  it("validates SWITCHYARD_LOCAL_MODELS", () => {
    expect(gatewayConfigFromEnv(loadEnv({ SWITCHYARD_LOCAL_MODELS: "ollama, vllm" })).localEndpoints).toEqual(["ollama", "vllm"]);
    expect(gatewayConfigFromEnv(loadEnv({ SWITCHYARD_LOCAL_MODELS: "all" })).localEndpoints).toEqual(["ollama", "lmstudio", "vllm"]);
    expect(() => loadEnv({ SWITCHYARD_LOCAL_MODELS: "olama" })).toThrow(
      "invalid environment: SWITCHYARD_LOCAL_MODELS must list built-in local endpoints (ollama, lmstudio, vllm), or be all or none; got 'olama'",
    );
  });

  it("an endpoint the operator enabled is called (LM Studio's port, served here by an OpenAI-protocol server)", async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const chunk = (choice: object) => `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "phi-3", choices: [{ index: 0, ...choice }] })}\n\n`;
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(chunk({ delta: { role: "assistant", content: "local answer" }, finish_reason: null }) + chunk({ delta: {}, finish_reason: "stop" }) + "data: [DONE]\n\n");
      });
    });
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(1234, "127.0.0.1", resolve));
    try {
      const gateway = gatewayFromEnv(loadEnv({ SWITCHYARD_LOCAL_MODELS: "lmstudio" }));
      const result = await gateway.generate(request("lmstudio:phi-3"));
      expect(result).toMatchObject({ text: "local answer", model: "lmstudio:phi-3" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a refused connection says only that the provider could not be reached: no host, port or errno", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const gateway = gatewayFromEnv(loadEnv({ SWITCHYARD_OPENAI_COMPATIBLE: JSON.stringify([{ name: "lab", baseURL: `http://127.0.0.1:${port}/v1` }]) }));
    const error = await gateway.generate(request("lab:qwen")).then(
      () => new ModelError("unknown", "the call succeeded"),
      (e: unknown) => e as ModelError,
    );
    expect(error).toMatchObject({ code: "network", retryable: true, message: "lab:qwen: the provider could not be reached" });
    expect(error.message).not.toMatch(new RegExp(`127\\.0\\.0\\.1|localhost|${port}|ECONNREFUSED|fetch failed`));
  });
});
