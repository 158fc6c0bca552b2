// `npm test`: installs what is missing, then typecheck, lint and every test suite.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureInstalled, pnpmCommand, ROOT, run } from "./bootstrap.mjs";

const pnpm = pnpmCommand();
ensureInstalled(pnpm);
const exec = (...args) => run(pnpm[0], [...pnpm.slice(1), "exec", ...args]);

const steps = [
  ["typecheck", () => exec("tsc", "-b")],
  ["lint", () => exec("eslint", ".")],
];
for (const [name, step] of steps) {
  console.log(`\n▶ ${name}`);
  if (step() !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(1);
  }
}

console.log("\n▶ unit and integration tests (vitest)");
const report = path.join(ROOT, "node_modules", ".vitest-report.json");
rmSync(report, { force: true });
const status = exec("vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`);
let passed = 0;
let failed = 0;
try {
  const summary = JSON.parse(readFileSync(report, "utf8"));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + (summary.numTotalTestSuites > 0 && summary.numTotalTests === 0 ? 1 : 0);
} catch {
  failed = 1;
}
let e2eStatus = 0;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(chromium)) {
  console.log("\n▶ browser tests (Playwright, Chromium)");
  e2eStatus = run(pnpm[0], [...pnpm.slice(1), "--filter", "@switchyard/e2e", "test"]);
  if (e2eStatus !== 0) failed += 1;
} else if (process.env.CI) {
  console.error(`\n✗ ${chromium} is missing; CI must install Chromium (apt-get install chromium)`);
  e2eStatus = 1;
  failed += 1;
} else {
  console.warn(`\n! browser tests skipped: no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH)`);
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 || e2eStatus !== 0 ? 1 : 0);
