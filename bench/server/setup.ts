/** A user with a workspace, an API key and the bench's flows imported: what a program would hold. */
export interface BenchAccount {
  key: string;
  workspaceId: string;
  importFlow(document: unknown): Promise<string>;
}

export async function benchAccount(url: string): Promise<BenchAccount> {
  const headers = { origin: url, "content-type": "application/json" };
  const signUp = await fetch(`${url}/api/auth/sign-up/email`, { method: "POST", headers, body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: "correct horse battery staple", name: "Bench" }) });
  if (!signUp.ok) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const call = async <T>(procedure: string, input: unknown): Promise<T> => {
    const res = await fetch(`${url}/api/trpc/${procedure}`, { method: "POST", headers: { ...headers, cookie }, body: JSON.stringify(input) });
    const body = (await res.json()) as { result?: { data: T }; error?: unknown };
    if (!body.result) throw new Error(`${procedure}: ${JSON.stringify(body.error)}`);
    return body.result.data;
  };
  const me = (await (await fetch(`${url}/api/trpc/me.get`, { headers: { cookie } })).json()) as { result: { data: { workspaces: { id: string }[] } } };
  const workspaceId = me.result.data.workspaces[0]!.id;
  const { key } = await call<{ key: string }>("apiKeys.create", { workspaceId, name: "bench" });
  return { key, workspaceId, importFlow: async (document) => (await call<{ id: string }>("flows.import", { workspaceId, document })).id };
}
