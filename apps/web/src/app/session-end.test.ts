import { afterEach, describe, expect, it } from "vitest";
import { QueryClient } from "@tanstack/react-query";
import { clearSessionEnd, onSessionEnd, sessionEnd, watchSessionEnd, type DraftOutcome } from "./session-end";

const ME = [["me", "get"], { type: "query" }];
const ADA = { user: { id: "ada", name: "Ada", email: "ada@example.com" }, workspaces: [], sessionExpired: false };
const NOBODY = { user: null, workspaces: [], sessionExpired: false };

function setup(outcome?: DraftOutcome) {
  const client = new QueryClient();
  const stop = watchSessionEnd(client);
  const calls: number[] = [];
  const off = onSessionEnd(() => {
    calls.push(calls.length);
    return outcome;
  });
  return { client, calls, stop: () => (stop(), off()) };
}

afterEach(clearSessionEnd);

describe("session end", () => {
  it("is noticed when `me` answers nobody where someone was signed in, and the listener's outcome is kept for sign-in", () => {
    const { client, calls, stop } = setup("kept");
    client.setQueryData(ME, ADA);
    expect(sessionEnd()).toBeUndefined();
    client.setQueryData(ME, NOBODY);
    expect(calls).toHaveLength(1);
    expect(sessionEnd()).toEqual({ draft: "kept" });
    stop();
  });

  it("says nothing for a visitor who was never signed in", () => {
    const { client, calls, stop } = setup("kept");
    client.setQueryData(ME, NOBODY);
    expect(calls).toEqual([]);
    expect(sessionEnd()).toBeUndefined();
    stop();
  });

  it("is not an ending when this tab signed out (the cache is cleared first)", () => {
    const { client, calls, stop } = setup();
    client.setQueryData(ME, ADA);
    client.clear();
    client.setQueryData(ME, NOBODY);
    expect(calls).toEqual([]);
    stop();
  });

  it("records an ending without unsaved work, and unsaved work that could not be kept", () => {
    const quiet = setup(undefined);
    quiet.client.setQueryData(ME, ADA);
    quiet.client.setQueryData(ME, NOBODY);
    expect(sessionEnd()).toEqual({});
    quiet.stop();
    clearSessionEnd();

    const full = setup("lost");
    full.client.setQueryData(ME, ADA);
    full.client.setQueryData(ME, NOBODY);
    expect(sessionEnd()).toEqual({ draft: "lost" });
    full.stop();
  });
});
