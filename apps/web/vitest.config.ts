import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "web",
    // Pinned to this folder so `vitest run --config apps/web/vitest.config.ts` from the repo root finds the tests too.
    root: decodeURIComponent(new URL(".", import.meta.url).pathname),
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
