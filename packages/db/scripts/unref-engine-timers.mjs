// Preloaded into the Prisma CLI: its WebAssembly schema engine leaves 10 s and 60 s timeout
// timers running after a command finishes, and the CLI only exits by itself on success, so
// `migrate deploy` would idle 10 s and `migrate dev` a minute. Long timers never hold it open.
import { setTimeout as originalSetTimeout } from "node:timers";

globalThis.setTimeout = Object.assign(function setTimeout(callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (typeof delay === "number" && delay >= 5000) timer.unref();
  return timer;
}, originalSetTimeout);
