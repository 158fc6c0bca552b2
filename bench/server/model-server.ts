import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The model every server scenario calls: a local server speaking OpenAI's streaming
 * chat-completions protocol, answering after `latencyMs` (the `slow` model after `slowMs`, the
 * `huge` one with `hugeBytes` of text as fast as it is read). Switchyard reaches it as the
 * OpenAI-compatible endpoint `bench`, through the same provider code as any real server.
 */
export interface ModelServer {
  baseURL: string;
  calls: number;
  close(): Promise<void>;
}

/** The model server in a process of its own, so the load generator can't slow its answers down. */
export interface RemoteModelServer {
  baseURL: string;
  /** Chat completions answered so far. */
  calls(): Promise<number>;
  close(): Promise<void>;
}

export async function startModelServer(options: { latencyMs: number; slowMs?: number; hugeBytes?: number }): Promise<ModelServer> {
  const state = { calls: 0 };
  const chunk = (model: string, delta: Record<string, unknown>, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: "b", object: "chat.completion.chunk", created: 1, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const server: Server = createServer((req, res) => {
    if (req.url === "/calls") return void res.end(String(state.calls));
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      state.calls++;
      const { model } = JSON.parse(body) as { model: string };
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      if (model === "huge") return void streamHuge(res, model, options.hugeBytes ?? 20 * 1024 * 1024, chunk);
      const timer = setTimeout(
        () => {
          res.write(chunk(model, { role: "assistant", content: "Canberra" }));
          res.write(chunk(model, { content: " is the capital." }));
          res.write(chunk(model, {}, "stop"));
          res.write(`data: ${JSON.stringify({ id: "b", object: "chat.completion.chunk", created: 1, model, choices: [], usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 } })}\n\n`);
          res.end("data: [DONE]\n\n");
        },
        model === "slow" ? (options.slowMs ?? 3000) : options.latencyMs,
      );
      res.on("close", () => clearTimeout(timer));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get calls() {
      return state.calls;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function streamHuge(res: ServerResponse, model: string, bytes: number, chunk: (model: string, delta: Record<string, unknown>) => string): void {
  const piece = chunk(model, { content: "lorem ipsum ".repeat(340) });
  let sent = 0;
  const pump = () => {
    while (sent < bytes && !res.destroyed) {
      sent += 4080;
      if (!res.write(piece)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end("data: [DONE]\n\n");
  };
  pump();
}
