/** One SSE frame: its event name (default "message"), id and data. */
export interface SseFrame {
  event: string;
  id?: string;
  data: string;
}

/**
 * A signed-in browser as an attacker's tests need it: the session cookie in plain sight, calls
 * with any headers, and SSE read frame by frame (including error frames).
 */
export class Browser {
  cookie = "";
  constructor(readonly origin: string) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      origin: this.origin,
      "content-type": "application/json",
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...extra,
    };
  }

  async signUp(
    email: string,
    password = "correct horse battery staple",
  ): Promise<{ id: string; email: string }> {
    const res = await fetch(`${this.origin}/api/auth/sign-up/email`, {
      method: "POST",
      headers: this.headers(),
      body: JSON.stringify({ email, password, name: email.split("@")[0] }),
    });
    if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return ((await res.json()) as { user: { id: string; email: string } }).user;
  }

  /** A tRPC query or mutation; the raw response, for status and headers. */
  trpc(
    path: string,
    input: unknown,
    init: { method?: "GET" | "POST"; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const method = init.method ?? "POST";
    const qs =
      method === "GET" && input !== undefined
        ? `?input=${encodeURIComponent(JSON.stringify(input))}`
        : "";
    return fetch(`${this.origin}/api/trpc/${path}${qs}`, {
      method,
      headers: init.headers ?? this.headers(),
      ...(method === "POST" ? { body: JSON.stringify(input) } : {}),
    });
  }

  async query<T>(path: string, input?: unknown): Promise<T> {
    return unwrap<T>(await this.trpc(path, input, { method: "GET" }));
  }

  async mutate<T>(path: string, input: unknown): Promise<T> {
    return unwrap<T>(await this.trpc(path, input));
  }
}

export async function unwrap<T>(res: Response): Promise<T> {
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok || !body.result)
    throw new Error(`tRPC ${res.status}: ${body.error?.message ?? JSON.stringify(body)}`);
  return body.result.data;
}

/** Reads an SSE response frame by frame until it ends, `stop` returns true, or `signal` aborts. */
export async function readSse(
  res: Response,
  onFrame: (frame: SseFrame) => boolean | void,
): Promise<SseFrame[]> {
  const frames: SseFrame[] = [];
  if (!res.body) return frames;
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return frames;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const lines = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        if (lines.every((l) => l.startsWith(":"))) continue; // a heartbeat
        const field = (name: string) =>
          lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        const frame: SseFrame = {
          event: field("event") ?? "message",
          data: field("data") ?? "",
          ...(field("id") ? { id: field("id")! } : {}),
        };
        frames.push(frame);
        if (onFrame(frame) === true) return frames;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
