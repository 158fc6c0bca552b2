import { execFile, execFileSync } from "node:child_process";
import path from "node:path";
import type { ScenarioResult } from "./engine/scenario";
import { measureCli } from "./engine/cli-scenario";
import { serverBench } from "./server/server-bench";
import { canvasBench } from "./canvas/canvas-bench";

/**
 * `pnpm bench`: engine overhead and concurrency on simulated models. Each engine scenario runs in a
 * fresh process (clean heap, honest peak RSS); everything is measured in this one invocation so the
 * ratios compare like with like on a shared, noisy machine.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const quick = process.argv.includes("--quick");
const reps = (n: number) => (quick ? Math.max(3, Math.floor(n / 4)) : n);

function scenario(name: string, latencyMs: number, repetitions: number): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/engine/scenario.ts"), name, String(latencyMs), String(repetitions)], { cwd: ROOT }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${name}: ${stderr || error.message}`));
      resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as ScenarioResult);
    });
  });
}

const fmt = (n: number, digits = 3) => n.toFixed(digits);

async function engineBench(): Promise<void> {
  console.log("\n## Engine, in process (sim models, whole reply at once)\n");
  console.log("| scenario | model latency | nodes | median wall ms | ideal ms | overhead ms/node | parallel efficiency | peak RSS MB |");
  console.log("|---|---|---|---|---|---|---|---|");
  const results: ScenarioResult[] = [];
  for (const latency of [0, 20]) {
    for (const [name, n] of [["pipeline-100", latency ? 5 : 40], ["fan-out-50", latency ? 31 : 60], ["cascades-200", latency ? 1 : 15]] as const) {
      const r = await scenario(name, latency, reps(n));
      results.push(r);
      console.log(
        `| ${r.name} | ${r.latencyMs} ms | ${r.nodes} | ${fmt(r.medianMs, 2)} | ${fmt(r.idealMs, 0)} | ${fmt(r.overheadPerNodeMs, 4)} | ${r.efficiency === undefined ? "–" : fmt(r.efficiency, 3)} | ${fmt(r.peakRssMb, 0)} |`,
      );
    }
  }
  const zero = results.filter((r) => r.latencyMs === 0);
  const worst = Math.max(...zero.map((r) => r.overheadPerNodeMs));
  const fan = results.find((r) => r.name === "fan-out-50" && r.latencyMs === 20)!;
  const cascade = results.find((r) => r.name === "cascades-200" && r.latencyMs === 20);
  console.log(`\nworst engine overhead at 0 ms latency: ${fmt(worst, 4)} ms/node (target < 0.02) → ${worst < 0.02 ? "PASS" : "MISS"}`);
  console.log(`overhead per node relative to one 20 ms model call: ${fmt((worst / 20) * 100, 3)}%`);
  console.log(`50-way fan-out at 20 ms: parallel efficiency ${fmt(fan.efficiency ?? 0)} (ideal ÷ actual; target ≥ 0.9) → ${(fan.efficiency ?? 0) >= 0.9 ? "PASS" : "MISS"}`);
  if (cascade?.escalationRate !== undefined) console.log(`cascades: escalation rate ${fmt(cascade.escalationRate * 100, 1)}% of 200 runs`);
}

async function cliBench(): Promise<void> {
  console.log("\n## Engine through the CLI (`switchyard run --json`, one process per run)\n");
  console.log("| scenario | model latency | median wall ms | engine ms (run.completed) | process + load + print ms |");
  console.log("|---|---|---|---|---|");
  for (const [name, latency] of [["pipeline-100", 0], ["fan-out-50", 0], ["cascade", 0], ["fan-out-50", 20]] as const) {
    const r = await measureCli(name, latency, reps(8));
    console.log(`| ${r.name} | ${r.latencyMs} ms | ${fmt(r.medianWallMs, 1)} | ${fmt(r.medianEngineMs, 1)} | ${fmt(r.medianWallMs - r.medianEngineMs, 1)} |`);
  }
}

console.log(`# Switchyard benchmarks (${new Date().toISOString()}, node ${process.version}${quick ? ", --quick" : ""})`);
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (!only || only === "engine") {
  await engineBench();
  await cliBench();
}
if (!only || only === "server") {
  // The compiled server, as `pnpm start` runs it.
  execFileSync(process.execPath, [path.join(ROOT, "apps/server/scripts/build.mjs"), "--if-stale"], { stdio: "inherit" });
  await serverBench({ quick });
}
if (!only || only === "canvas") await canvasBench({ seconds: quick ? 3 : 5 });
