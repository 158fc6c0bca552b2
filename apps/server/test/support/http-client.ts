import type { RunEvent } from "@switchyard/core";

/** A browser-like client: keeps the session cookie, sends our Origin, calls tRPC over HTTP. */
export class HttpClient {
  private cookie = "";
  constructor(readonly origin: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { origin: this.origin, "content-type": "application/json", ...(this.cookie ? { cookie: this.cookie } : {}), ...extra };
  }

  async signUp(email: string, password = "correct horse battery staple"): Promise<void> {
    const res = await fetch(`${this.origin}/api/auth/sign-up/email`, { method: "POST", headers: this.headers(), body: JSON.stringify({ email, password, name: email.split("@")[0] }) });
    if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    this.cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  }

  async query<T>(path: string, input?: unknown): Promise<T> {
    const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.unwrap<T>(await fetch(`${this.origin}/api/trpc/${path}${qs}`, { headers: this.headers() }));
  }

  async mutate<T>(path: string, input: unknown): Promise<T> {
    return this.unwrap<T>(await fetch(`${this.origin}/api/trpc/${path}`, { method: "POST", headers: this.headers(), body: JSON.stringify(input) }));
  }

  private async unwrap<T>(res: Response): Promise<T> {
    const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
    if (!res.ok || !body.result) throw new Error(`tRPC ${res.status}: ${body.error?.message ?? JSON.stringify(body)}`);
    return body.result.data;
  }

  /** Reads a run's SSE stream from `after`, calling `onEvent` per event; stops when it ends or `stop` says so. */
  async followEvents(runId: string, after: number, onEvent: (event: RunEvent) => boolean | void): Promise<void> {
    const controller = new AbortController();
    const res = await fetch(`${this.origin}/api/v1/runs/${runId}/events`, { headers: this.headers({ "last-event-id": String(after) }), signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split("\n").find((l) => l.startsWith("data: "));
          if (data && onEvent(JSON.parse(data.slice(6)) as RunEvent) === true) {
            controller.abort();
            return;
          }
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  }
}
