import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HttpClient } from "./support/http-client";
import { startProcess } from "./support/processes";

/** What `npm start` does on a fresh machine: no DATABASE_URL, so embedded PostgreSQL. */
describe("start without DATABASE_URL", () => {
  it("brings the app up on embedded PostgreSQL, serves it, and stops cleanly on SIGINT", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "switchyard-start-"));
    const server = await startProcess("server", { DATABASE_URL: "", PORT: "0", SWITCHYARD_DATA_DIR: dataDir });
    try {
      expect(server.output.join("\n")).toContain(`using embedded PostgreSQL in ${path.join(dataDir, "postgres")}`);
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toEqual({ ok: true });
      const client = new HttpClient(server.url!);
      await client.signUp("fresh@example.com");
      const me = await client.query<{ workspaces: { personal: boolean }[] }>("me.get");
      expect(me.workspaces).toEqual([expect.objectContaining({ personal: true })]);
      const page = await fetch(server.url!);
      expect(page.headers.get("content-type")).toContain("text/html");
    } finally {
      server.kill("SIGINT");
    }
    expect(await server.exited).toBe(0);
    expect(server.output.join("\n")).toContain("SIGINT: shutting down");
  }, 120_000);
});
