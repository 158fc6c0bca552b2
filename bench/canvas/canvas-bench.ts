import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
// Playwright is the e2e package's dependency; the bench borrows it (and the Chromium flags) from there.
import {
  chromium,
  CHROMIUM_LAUNCH,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from "../../e2e/support/chromium";
import { fanOut, layeredDag } from "./flows";
import { RECORDER_SCRIPT, type Recording } from "./recorder";

/**
 * `pnpm bench --only=canvas`: how the editor's canvas holds up in Chromium. The real server (started
 * as the e2e harness starts it: e2e/scripts/serve.mjs, the built web app, a fresh database) on a
 * spare port; a signed-up user imports (a) a 200-node layered DAG, panned and zoomed with the mouse
 * for ~5 s, and (b) a 50-branch fan-out of slowly streaming sim models into a vote, run from the UI
 * while the canvas is panned. Frame times come from a requestAnimationFrame recorder, long tasks
 * from a PerformanceObserver, main-thread time from CDP `Performance.getMetrics`.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

interface Server {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** e2e/scripts/serve.mjs in its own process group (it builds the web app, then runs the server and its fresh database). */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "e2e/scripts/serve.mjs")], {
    cwd: path.join(ROOT, "e2e"),
    env: { ...process.env, E2E_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not come up in 120 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Signs up over HTTP in the browser context (its cookie jar is the page's) and imports the two flows. */
async function setUp(context: BrowserContext, url: string): Promise<{ dag: string; fan: string }> {
  const headers = { origin: url };
  const email = `canvas-bench-${Date.now()}@example.com`;
  const signUp = await context.request.post("/api/auth/sign-up/email", {
    headers,
    data: { email, password: "correct horse battery staple", name: "Canvas bench" },
  });
  if (!signUp.ok()) throw new Error(`sign-up: ${signUp.status()} ${await signUp.text()}`);
  const me = (await (await context.request.get("/api/trpc/me.get")).json()) as {
    result: { data: { workspaces: { id: string }[] } };
  };
  const workspaceId = me.result.data.workspaces[0]?.id;
  const importFlow = async (document: unknown) => {
    const res = await context.request.post("/api/trpc/flows.import", {
      headers,
      data: { workspaceId, document },
    });
    if (!res.ok()) throw new Error(`import: ${res.status()} ${await res.text()}`);
    return ((await res.json()) as { result: { data: { id: string } } }).result.data.id;
  };
  return { dag: await importFlow(layeredDag()), fan: await importFlow(fanOut()) };
}

/** Runs `window.__canvasBench.<call>` in the page (see recorder.ts). */
function inPage<T>(page: Page, call: string): Promise<T> {
  return page.evaluate(`window.__canvasBench.${call}`) as Promise<T>;
}

async function openEditor(page: Page, flowId: string, nodes: number): Promise<void> {
  await page.goto(`/flows/${flowId}`);
  // Polled with page.evaluate: the app's CSP (no 'unsafe-eval') rules out waitForFunction's string predicates.
  const deadline = Date.now() + 60_000;
  while (!(await inPage<boolean>(page, `ready(${nodes})`))) {
    if (Date.now() > deadline) {
      const text = await page
        .locator("body")
        .innerText()
        .catch(() => "");
      throw new Error(
        `the editor did not open ${page.url()} with ${nodes} nodes: ${text.slice(0, 300)}`,
      );
    }
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(500); // let the opening fit-view animation and the first measurements settle
}

async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  const found = await inPage<{ x: number; y: number } | null>(page, "panePoint()");
  if (!found) throw new Error("no empty spot on the canvas to pan from");
  return found;
}

/** One pan gesture: press on the background, move `dx, dy` in `steps` mouse moves ~16 ms apart, release. */
async function pan(page: Page, dx: number, dy: number, steps = 20): Promise<void> {
  const from = await panePoint(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + (dx * i) / steps, from.y + (dy * i) / steps);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** Wheel ticks over the canvas centre (React Flow zooms on wheel), ~16 ms apart. */
async function zoom(page: Page, ticks: number, deltaY: number): Promise<void> {
  const box = await page.locator(".react-flow").boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < ticks; i++) {
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(16);
  }
}

/** Pans and zooms in a fixed loop until `until()` says stop (checked between gestures). */
async function panAndZoom(page: Page, until: () => Promise<boolean>): Promise<number> {
  const moves: (() => Promise<void>)[] = [
    () => zoom(page, 6, -100),
    () => pan(page, 260, 120),
    () => pan(page, -300, -60),
    () => zoom(page, 4, 100),
    () => pan(page, -120, -140),
    () => zoom(page, 4, -100),
    () => pan(page, 200, 90),
    () => zoom(page, 6, 100),
  ];
  let gestures = 0;
  while (!(await until())) await moves[gestures++ % moves.length]!();
  return gestures;
}

type Metrics = Record<string, number>;
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

interface ScenarioResult {
  name: string;
  nodes: number;
  wallMs: number;
  gestures: number;
  recording: Recording;
  /** Main-thread seconds spent in script, layout, style and tasks during the scenario (CDP). */
  cpu: { script: number; layout: number; style: number; task: number };
  run?: { status: string; persistedEvents: number };
}

/** BENCH_CANVAS_PROFILE=<dir>: a CPU profile (.cpuprofile, for Chrome DevTools) of each scenario. */
const PROFILE_DIR = process.env.BENCH_CANVAS_PROFILE;
/** BENCH_CANVAS_SCREENSHOTS=<dir>: what the fan-out run looks like mid-run (far and near) and at its end. */
const SCREENSHOT_DIR = process.env.BENCH_CANVAS_SCREENSHOTS;
/** BENCH_CANVAS_TRACE=<dir>: a Chromium performance trace (open in DevTools' Performance panel) of each scenario. */
const TRACE_DIR = process.env.BENCH_CANVAS_TRACE;

async function measure(
  page: Page,
  cdp: CDPSession,
  name: string,
  nodes: number,
  body: () => Promise<{ gestures: number; run?: ScenarioResult["run"] }>,
): Promise<ScenarioResult> {
  if (PROFILE_DIR) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.start");
  }
  const traceFile = TRACE_DIR && path.join(TRACE_DIR, `${name.replace(/[^a-z0-9]+/gi, "-")}.trace.json`);
  if (traceFile) {
    await mkdir(TRACE_DIR!, { recursive: true });
    await page.context().browser()!.startTracing(page, { path: traceFile, screenshots: false });
  }
  const before = await metrics(cdp);
  await inPage(page, "start()");
  const started = performance.now();
  const { gestures, run } = await body();
  const wallMs = performance.now() - started;
  const recording = await inPage<Recording>(page, "stop()");
  const after = await metrics(cdp);
  if (traceFile) {
    await page.context().browser()!.stopTracing();
    console.log(`trace: ${traceFile}`);
  }
  if (PROFILE_DIR) {
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: unknown };
    const file = path.join(PROFILE_DIR, `${name.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile`);
    await mkdir(PROFILE_DIR, { recursive: true });
    await writeFile(file, JSON.stringify(profile));
    console.log(`CPU profile: ${file}`);
  }
  const d = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
  return {
    name,
    nodes,
    wallMs,
    gestures,
    recording,
    cpu: {
      script: d("ScriptDuration"),
      layout: d("LayoutDuration"),
      style: d("RecalcStyleDuration"),
      task: d("TaskDuration"),
    },
    ...(run ? { run } : {}),
  };
}

/** (a) ~`seconds` of panning and zooming the 200-node DAG. */
async function dagScenario(
  page: Page,
  cdp: CDPSession,
  flowId: string,
  seconds: number,
): Promise<ScenarioResult> {
  await openEditor(page, flowId, 200);
  await pan(page, 40, 0, 5); // warm-up: the first gesture compiles its code paths
  return measure(page, cdp, "pan + zoom, 200-node DAG", 200, async () => {
    const end = performance.now() + seconds * 1000;
    return { gestures: await panAndZoom(page, async () => performance.now() > end) };
  });
}

/** (b) the 50-branch fan-out run from the Run tab, panned and zoomed until the run ends. */
async function fanOutScenario(
  page: Page,
  cdp: CDPSession,
  flowId: string,
): Promise<ScenarioResult> {
  await openEditor(page, flowId, 53);
  await page.getByRole("toolbar", { name: "Flow" }).getByRole("button", { name: "Run…" }).click();
  const run = page
    .getByRole("tabpanel", { name: "Run" })
    .getByRole("button", { name: "▶ Run", exact: true });
  await run.waitFor();
  const status = () => inPage<string>(page, "runStatus()");
  return measure(page, cdp, "run streaming, 50-branch fan-out + pans", 53, async () => {
    await run.click();
    if (SCREENSHOT_DIR) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page.waitForTimeout(1200);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, "fan-out-mid-run-far.png") });
      await zoom(page, 8, -100);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, "fan-out-mid-run-near.png") });
    }
    const deadline = performance.now() + 60_000;
    const gestures = await panAndZoom(
      page,
      async () =>
        /^run (completed|failed|cancelled)$/.test(await status()) || performance.now() > deadline,
    );
    if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, "fan-out-end.png") });
    const runId = new URL(page.url()).searchParams.get("run") ?? "";
    const events = await page.request.get(
      `/api/trpc/runs.events?input=${encodeURIComponent(JSON.stringify({ runId }))}`,
    );
    const persisted = ((await events.json()) as { result: { data: unknown[] } }).result.data.length;
    return { gestures, run: { status: await status(), persistedEvents: persisted } };
  });
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const ms = (seconds: number) => fmt(seconds * 1000, 0);
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * rAF timestamps sit on the 16.67 ms vsync grid give or take ~0.2 ms, so an on-time frame can read
 * 16.8 ms. A frame counts as over a budget when it exceeds it by more than this (it then missed a
 * whole vsync: 33.3 ms, 66.7 ms…).
 */
const JITTER_MS = 1;

function report(results: ScenarioResult[]): void {
  console.log(
    "| scenario | nodes | wall s | gestures | frames (viewport moved) | zoom | median ms | p95 ms | max ms | > 16.7 ms | > 50 ms | long tasks | long-task ms | script / layout / style / other ms |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const frames = [...r.recording.frames].sort((a, b) => a - b);
    const over = (ms: number) =>
      `${fmt((frames.filter((f) => f > ms + JITTER_MS).length / Math.max(1, frames.length)) * 100)}%`;
    const longMs = r.recording.longTasks.reduce((a, b) => a + b, 0);
    console.log(
      `| ${r.name} | ${r.nodes} | ${fmt(r.wallMs / 1000)} | ${r.gestures} | ${frames.length} (${r.recording.movedFrames}) | ${fmt(r.recording.zoom[0], 2)}–${fmt(r.recording.zoom[1], 2)} | ${fmt(quantile(frames, 0.5))} | ${fmt(quantile(frames, 0.95))} | ${fmt(frames.at(-1) ?? 0)} | ${over(16.7)} | ${over(50)} | ${r.recording.longTasks.length} | ${fmt(longMs, 0)} | ${ms(r.cpu.script)} / ${ms(r.cpu.layout)} / ${ms(r.cpu.style)} / ${ms(r.cpu.task - r.cpu.script - r.cpu.layout - r.cpu.style)} |`,
    );
  }
  console.log(
    `\n(frames: requestAnimationFrame intervals; "> 16.7 ms" = missed at least one vsync, with ${JITTER_MS} ms allowed for timestamp jitter; long tasks: PerformanceObserver 'longtask' (> 50 ms); script / layout / style / other: main-thread time from CDP Performance.getMetrics, other = tasks minus the three: paint, raster, GC, parsing…)`,
  );
  const streamed = results.find((r) => r.run);
  if (!streamed?.run) return;
  const {
    stats,
    updateFrames,
    maxUpdatesPerFrame,
    mutationFrames,
    frames,
    commits,
    maxCommitsPerFrame,
  } = streamed.recording;
  console.log(
    "\n| run view (b) | events received | events persisted | store updates | frames with an update | max updates in one frame | largest batch | events per update | React commits (max in a frame) | frames with canvas DOM changes | frames |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  console.log(
    `| ${streamed.run.status} | ${stats.events} | ${streamed.run.persistedEvents} | ${stats.updates} | ${updateFrames} | ${maxUpdatesPerFrame} | ${stats.maxBatch} | ${fmt(stats.events / Math.max(1, stats.updates))} | ${commits} (${maxCommitsPerFrame}) | ${mutationFrames} | ${frames.length} |`,
  );
  const onePerFrame = maxUpdatesPerFrame <= 1 && stats.updates <= frames.length + 1;
  console.log(
    `\none store update per animation frame: ${onePerFrame ? "yes" : "NO"} (${stats.events} events → ${stats.updates} updates over ${frames.length} frames, at most ${maxUpdatesPerFrame} in a frame; ${commits} React commits in all, pans included)`,
  );
  console.log(
    `events received = events persisted (nothing lost or applied twice): ${stats.events === streamed.run.persistedEvents ? "yes" : "NO"}`,
  );
}

export async function canvasBench(options: { seconds?: number } = {}): Promise<void> {
  console.log(
    "\n## Canvas in Chromium (headless, software rendering, 1280×800): frame times while panning and zooming\n",
  );
  const server = await startServer();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1280, height: 800 },
    });
    await context.addInitScript({ content: RECORDER_SCRIPT });
    const flows = await setUp(context, server.url);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const errors: string[] = [];
    page.on("pageerror", (e: Error) => errors.push(e.message));
    page.on("dialog", (dialog: { accept(): Promise<void> }) => void dialog.accept()); // e.g. "leave with unsaved changes?": yes
    const results = [
      await dagScenario(page, cdp, flows.dag, options.seconds ?? 5),
      await fanOutScenario(page, cdp, flows.fan),
    ];
    report(results);
    if (errors.length) console.log(`\npage errors: ${errors.join("; ")}`);
  } finally {
    await browser?.close();
    await server.stop();
  }
}
