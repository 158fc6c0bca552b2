// `pnpm dev`: the API (with a worker) on :3000 and Vite with hot reload on :5173, proxying /api.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./bootstrap.mjs";

const children = [
  spawn(process.execPath, [path.join(ROOT, "apps/server/bin/server.mjs")], { cwd: ROOT, stdio: "inherit", env: { ...process.env, PORT: process.env.PORT ?? "3000" } }),
  spawn("pnpm", ["--filter", "@switchyard/web", "exec", "vite"], { cwd: ROOT, stdio: "inherit" }),
];
const stop = () => children.forEach((child) => child.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", (code) => code && stop());
