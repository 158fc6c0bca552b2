import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local server speaking OpenAI's streaming chat-completions protocol that misbehaves on request:
 * the model name says how (`ok`, `slow`, `rate-limited`, `flaky-500`, `error-500`, `hang`,
 * `broken`, `broken-always`, `nul`, `huge`). Our real provider code (AI SDK, OpenAI and
 * OpenAI-compatible) talks to it. It keeps books per prompt — calls, calls answered in full, and
 * how many were in flight at once — so a test can prove nothing was paid for twice and no node
 * ran twice at the same time.
 */
export interface PromptStats {
  calls: number;
  /** Calls answered in full (a paid answer). */
  answered: number;
  inFlight: number;
  maxInFlight: number;
}

export interface FaultServer {
  baseURL: string;
  stats(prompt: string): PromptStats;
  /** Stats of every prompt starting with `prefix`, summed (maxInFlight: the highest). */
  statsStartingWith(prefix: string): PromptStats;
  /** Resolves when a call whose prompt starts with `prefix` arrives (it is then in flight). */
  received(prefix: string): Promise<void>;
  /** Bytes of reply text the `huge` model sends. */
  readonly hugeBytes: number;
  close(): Promise<void>;
}

export interface FaultServerOptions {
  /** How long `ok` takes; `slow` takes `slowMs`. */
  delayMs?: number;
  slowMs?: number;
  hugeBytes?: number;
}

type Behaviour = (ctx: CallContext) => void;

interface CallContext {
  req: IncomingMessage;
  res: ServerResponse;
  model: string;
  prompt: string;
  /** 1 for the first call with this prompt. */
  nth: number;
  answer(text: string, delayMs?: number): void;
  done(): void;
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const delayMs = options.delayMs ?? 50;
  const slowMs = options.slowMs ?? 1500;
  const hugeBytes = options.hugeBytes ?? 20 * 1024 * 1024;
  const books = new Map<string, PromptStats>();
  const waiters: { prefix: string; resolve: () => void }[] = [];
  const statsOf = (prompt: string) => {
    let stats = books.get(prompt);
    if (!stats) books.set(prompt, (stats = { calls: 0, answered: 0, inFlight: 0, maxInFlight: 0 }));
    return stats;
  };

  const ok: Behaviour = (c) => c.answer(`answer to ${c.prompt}`, delayMs);
  const behaviours: Record<string, Behaviour> = {
    ok,
    slow: (c) => c.answer(`answer to ${c.prompt}`, slowMs),
    "rate-limited": (c) => (c.nth === 1 ? fail(c, 429, { "retry-after": "1" }) : ok(c)),
    "flaky-500": (c) => (c.nth === 1 ? fail(c, 500) : ok(c)),
    "error-500": (c) => fail(c, 500),
    hang: () => undefined, // answers nothing until the caller gives up
    broken: (c) => (c.nth === 1 ? broken(c) : ok(c)),
    "broken-always": broken,
    nul: (c) => c.answer("Canberra\u0000 is the capital \uD800of Australia"),
    huge: (c) => streamHuge(c, hugeBytes),
  };

  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      if (!req.url?.endsWith("/chat/completions")) return void res.writeHead(404).end();
      const request = JSON.parse(body) as { model: string; messages: { content: string | { text: string }[] }[] };
      const last = request.messages.at(-1)?.content;
      const prompt = typeof last === "string" ? last : (last?.map((p) => p.text).join("") ?? "");
      const stats = statsOf(prompt);
      stats.calls++;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        stats.inFlight--;
      };
      res.on("close", done);
      for (const waiter of waiters.filter((w) => prompt.startsWith(w.prefix))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const context: CallContext = {
        req,
        res,
        model: request.model,
        prompt,
        nth: stats.calls,
        done,
        answer(text, wait = delayMs) {
          const timer = setTimeout(() => {
            sse(res);
            chunk(res, request.model, { role: "assistant", content: text });
            finish(res, request.model);
            stats.answered++;
            done();
          }, wait);
          res.on("close", () => clearTimeout(timer));
        },
      };
      (behaviours[request.model] ?? ok)(context);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    hugeBytes,
    stats: (prompt) => ({ ...statsOf(prompt) }),
    statsStartingWith(prefix) {
      const total: PromptStats = { calls: 0, answered: 0, inFlight: 0, maxInFlight: 0 };
      for (const [prompt, s] of books) {
        if (!prompt.startsWith(prefix)) continue;
        total.calls += s.calls;
        total.answered += s.answered;
        total.inFlight += s.inFlight;
        total.maxInFlight = Math.max(total.maxInFlight, s.maxInFlight);
      }
      return total;
    },
    received: (prefix) => new Promise((resolve) => waiters.push({ prefix, resolve })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sse(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
}

function chunk(res: ServerResponse, model: string, delta: Record<string, unknown>): boolean {
  return res.write(`data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model, choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
}

function finish(res: ServerResponse, model: string): void {
  res.write(`data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`);
  res.write(`data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`);
  res.end("data: [DONE]\n\n");
}

function fail(c: CallContext, status: number, headers: Record<string, string> = {}): void {
  c.res.writeHead(status, { "content-type": "application/json", ...headers });
  c.res.end(JSON.stringify({ error: { message: `HTTP ${status} from the fault server`, type: status === 429 ? "rate_limit_error" : "server_error", code: null } }));
  c.done();
}

/** A 200 whose body breaks off: no text, no finish, not even valid JSON. */
function broken(c: CallContext): void {
  sse(c.res);
  c.res.end('data: {"id":"c1","object":"chat.completion.chu');
  c.done();
}

/** Streams `bytes` of text as fast as the reader takes it, then finishes (if the reader is still there). */
function streamHuge(c: CallContext, bytes: number): void {
  sse(c.res);
  const piece = "lorem ipsum dolor sit amet ".repeat(Math.ceil(4096 / 27)).slice(0, 4096);
  let sent = 0;
  const pump = () => {
    while (sent < bytes && !c.res.destroyed) {
      sent += piece.length;
      if (!chunk(c.res, c.model, { content: piece })) return void c.res.once("drain", pump);
    }
    if (!c.res.destroyed) finish(c.res, c.model);
    c.done();
  };
  chunk(c.res, c.model, { role: "assistant", content: "" });
  pump();
}
