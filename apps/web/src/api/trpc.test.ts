import { describe, expect, it, vi } from "vitest";
import { createQueryClient } from "./trpc";

/** A failed tRPC call as the client receives it: `data.code` carries the server's code. */
const refused = (code: string) => Object.assign(new Error(code), { data: { code } });

async function fail(client: ReturnType<typeof createQueryClient>, error: Error): Promise<void> {
  await client.fetchQuery({ queryKey: ["k", Math.random()], queryFn: () => Promise.reject(error), retry: false }).catch(() => undefined);
}

describe("createQueryClient", () => {
  it("says when a call finds the session gone, and when one is refused for access", async () => {
    const onUnauthorized = vi.fn();
    const onNoAccess = vi.fn();
    const client = createQueryClient({ onUnauthorized, onNoAccess });
    await fail(client, refused("UNAUTHORIZED"));
    expect([onUnauthorized.mock.calls.length, onNoAccess.mock.calls.length]).toEqual([1, 0]);
    await fail(client, refused("NOT_FOUND"));
    await fail(client, refused("FORBIDDEN"));
    expect([onUnauthorized.mock.calls.length, onNoAccess.mock.calls.length]).toEqual([1, 2]);
    await fail(client, refused("BAD_REQUEST"));
    await fail(client, new Error("Failed to fetch"));
    expect([onUnauthorized.mock.calls.length, onNoAccess.mock.calls.length]).toEqual([1, 2]);
  });
});
