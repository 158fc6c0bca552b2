import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RunEvent } from "@switchyard/core";
import { main } from "../src/cli/main";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const example = (name: string) => path.join(ROOT, "examples", name);

/** Runs the CLI in process, capturing what it prints. */
export async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Runs the CLI with --json and parses its event stream. */
export async function cliEvents(...args: string[]): Promise<{ code: number; events: RunEvent[]; err: string[] }> {
  const { code, out, err } = await cli(...args, "--json");
  return { code, events: out.map((line) => JSON.parse(line) as RunEvent), err };
}

/** Runs the real `switchyard` binary as a user would. */
export function spawnCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "apps/server/bin/switchyard.mjs"), ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

export function ofType<T extends RunEvent["type"]>(events: RunEvent[], type: T): Extract<RunEvent, { type: T }>[] {
  return events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
}
