import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { cascadeFlow, fanOutFlow, pipelineFlow } from "./flows";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "apps/server/bin/switchyard.mjs");

function runCli(file: string, seed: number): Promise<{ wallMs: number; engineMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, "run", file, "--json", "--seed", String(seed), "--input", "q=Which letter?"], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      const wallMs = performance.now() - started;
      if (error) return reject(new Error(`switchyard run failed: ${error.message}`));
      const last = JSON.parse(stdout.trim().split("\n").at(-1)!) as { type: string; latencyMs: number };
      if (last.type !== "run.completed") return reject(new Error(`run ended with ${last.type}`));
      resolve({ wallMs, engineMs: last.latencyMs });
    });
  });
}

export interface CliResult {
  name: string;
  latencyMs: number;
  repetitions: number;
  /** Process start to exit, as a user sees it. */
  medianWallMs: number;
  /** The run itself, as the engine reported it in run.completed. */
  medianEngineMs: number;
}

/** The same scenarios through the `switchyard` binary: what a script calling the CLI pays. */
export async function measureCli(name: string, latencyMs: number, repetitions: number): Promise<CliResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "switchyard-bench-"));
  const doc = name === "pipeline-100" ? pipelineFlow(100, latencyMs) : name === "fan-out-50" ? fanOutFlow(50, latencyMs) : cascadeFlow(latencyMs);
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(doc));
  await runCli(file, 0); // warm the OS file cache and tsx's transform cache
  const walls: number[] = [];
  const engines: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const { wallMs, engineMs } = await runCli(file, i);
    walls.push(wallMs);
    engines.push(engineMs);
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return { name, latencyMs, repetitions, medianWallMs: median(walls), medianEngineMs: median(engines) };
}
