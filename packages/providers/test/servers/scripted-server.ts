import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the test server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Behaviours every protocol server supports besides its normal reply. */
export type FailureBehaviour =
  | { kind: "status"; status: number; retryAfter?: string; message?: string; errorType?: string }
  | { kind: "hang" }
  /** A 200 whose body is `body` as is (garbage, a stream cut short, nothing); `reset` drops the connection after it. */
  | { kind: "raw"; body: string; contentType?: string; reset?: boolean };

export interface ScriptedServer<B> {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  requests: RecordedRequest[];
  /** Requests whose client went away before the server answered (an aborted hung call). */
  disconnectedWhileHanging: number;
  /** Sets how the following requests are answered. */
  script(behaviour: B | FailureBehaviour): void;
  /** Forgets recorded requests and restores the default reply (call before each test). */
  reset(): void;
  close(): Promise<void>;
}

export type Handler<B> = (request: RecordedRequest, response: ServerResponse, behaviour: B) => void;

/** A real HTTP server on a random port whose answers a test scripts; protocol servers build on it. */
export async function startScriptedServer<B>(
  initial: B,
  handle: Handler<B>,
  errorBody: (failure: Extract<FailureBehaviour, { kind: "status" }>) => unknown,
): Promise<ScriptedServer<B>> {
  let behaviour: B | FailureBehaviour = initial;
  const state = { requests: [] as RecordedRequest[], disconnectedWhileHanging: 0 };
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const request: RecordedRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: parse(raw),
      };
      state.requests.push(request);
      const current = behaviour;
      if (isFailure(current)) {
        if (current.kind === "hang") {
          res.on("close", () => state.disconnectedWhileHanging++);
          return; // never answer
        }
        if (current.kind === "raw") {
          res.writeHead(200, { "content-type": current.contentType ?? "text/event-stream" });
          if (current.reset) res.write(current.body, () => res.destroy());
          else res.end(current.body);
          return;
        }
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (current.retryAfter !== undefined) headers["retry-after"] = current.retryAfter;
        res.writeHead(current.status, headers).end(JSON.stringify(errorBody(current)));
        return;
      }
      handle(request, res, current);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get disconnectedWhileHanging() {
      return state.disconnectedWhileHanging;
    },
    script(next) {
      behaviour = next;
    },
    reset() {
      behaviour = initial;
      state.requests.splice(0);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isFailure<B>(behaviour: B | FailureBehaviour): behaviour is FailureBehaviour {
  const kind = (behaviour as { kind?: unknown }).kind;
  return kind === "status" || kind === "hang" || kind === "raw";
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => resolve(raw));
  });
}

function parse(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return raw;
  }
}

/** Starts a server-sent-events response. */
export function startSse(response: ServerResponse): void {
  response.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
}

/** Writes one SSE event, optionally named (Anthropic names its events; OpenAI doesn't). */
export function sendEvent(response: ServerResponse, data: unknown, event?: string): void {
  response.write(
    `${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`,
  );
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
