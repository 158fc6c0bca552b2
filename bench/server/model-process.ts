import { spawn } from "node:child_process";
import path from "node:path";
import type { RemoteModelServer } from "./model-server";

/** Starts the bench's model server as a child process. */
export async function startModelProcess(latencyMs: number, slowMs: number): Promise<RemoteModelServer> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "model-server-main.ts"), String(latencyMs), String(slowMs)], { stdio: ["ignore", "pipe", "inherit"] });
  const baseURL = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (d: Buffer) => resolve(d.toString().trim()));
    child.once("exit", (code) => reject(new Error(`model server exited ${code}`)));
  });
  const origin = new URL(baseURL).origin;
  return {
    baseURL,
    calls: async () => Number(await (await fetch(`${origin}/calls`)).text()),
    close: () => new Promise((resolve) => (child.once("exit", () => resolve()), child.kill("SIGTERM"))),
  };
}
