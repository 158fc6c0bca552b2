import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local server speaking OpenAI's streaming chat-completions protocol, which the real provider
 * code (AI SDK, OpenAI-compatible endpoint) talks to. It answers slowly and counts the calls it
 * gets per prompt, so tests can prove which model calls were (not) made again.
 */
export interface CountingServer {
  baseURL: string;
  calls: Map<string, number>;
  /** How many calls came with a prompt starting with `prefix`. */
  callsStartingWith(prefix: string): number;
  /** Resolves when a call whose prompt starts with `prefix` arrives (it is then in flight). */
  received(prefix: string): Promise<void>;
  close(): Promise<void>;
}

export async function startCountingOpenAIServer(options: {
  delayMs: number;
}): Promise<CountingServer> {
  const calls = new Map<string, number>();
  const waiters: { prefix: string; resolve: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      if (!req.url?.endsWith("/chat/completions")) return void res.writeHead(404).end();
      const request = JSON.parse(body) as {
        model: string;
        messages: { role: string; content: string | { text: string }[] }[];
      };
      const last = request.messages.at(-1)?.content;
      const prompt = typeof last === "string" ? last : (last?.map((p) => p.text).join("") ?? "");
      calls.set(prompt, (calls.get(prompt) ?? 0) + 1);
      for (const waiter of waiters.filter((w) => prompt.startsWith(w.prefix))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
        res.write(
          `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: request.model, choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`,
        );
      const timer = setTimeout(() => {
        chunk({ role: "assistant", content: `answer to ${prompt}` });
        res.write(
          `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: request.model, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`,
        );
        res.write(
          `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: request.model, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`,
        );
        res.end("data: [DONE]\n\n");
      }, options.delayMs);
      res.on("close", () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    calls,
    callsStartingWith: (prefix) =>
      [...calls]
        .filter(([prompt]) => prompt.startsWith(prefix))
        .reduce((n, [, count]) => n + count, 0),
    received: (prefix) => new Promise((resolve) => waiters.push({ prefix, resolve })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
