import { defineProject } from "vitest/config";

/** `pnpm test:faults`: a real server and workers against a provider that misbehaves, and workers that die. */
export default defineProject({ test: { name: "faults", include: ["**/*.faults.ts"], testTimeout: 120_000, hookTimeout: 120_000, globalSetup: ["../test/support/build-server.ts"] } });
