import { execFileSync } from "node:child_process";
import path from "node:path";

/** Vitest global setup: the tests start the compiled server, so build it first (when its sources changed). */
export default function buildServer(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, "../../scripts/build.mjs"), "--if-stale"], { stdio: "inherit" });
}
