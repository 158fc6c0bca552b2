// Compiles the server (and its worker thread) into apps/server/dist: one ES module bundle each,
// with our workspace packages' TypeScript bundled in and every npm dependency left to Node.
// Production runs these (`pnpm start`), so it needs neither tsx nor a TypeScript compiler.
//   node apps/server/scripts/build.mjs [--if-stale]
import { existsSync, readdirSync, statSync } from "node:fs";
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = path.resolve(SERVER, "../..");

const DIST = path.join(SERVER, "dist");

/**
 * npm packages stay imports, each of the file that the importing workspace package would load
 * (pnpm gives every package its own node_modules, so a bare name resolved from dist/ would miss
 * them); the path is relative, so the repository can move. Only @switchyard/* is bundled.
 */
const npmPackagesExternal = {
  name: "npm-packages-external",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@switchyard/") || args.pluginData === "resolving") return undefined;
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "resolving" });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      if (resolved.external) return { path: args.path, external: true }; // a Node built-in
      return { path: `./${path.relative(DIST, resolved.path)}`, external: true };
    });
  },
};

/** Newest modification time of the sources a bundle is made from. */
function newestSource() {
  const newest = (dir) => {
    let latest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "dist") continue;
      const full = path.join(dir, entry.name);
      latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
    }
    return latest;
  };
  const packages = readdirSync(path.join(ROOT, "packages")).map((name) => path.join(ROOT, "packages", name, "src"));
  return Math.max(newest(path.join(SERVER, "src")), ...packages.filter(existsSync).map(newest), statSync(fileURLToPath(import.meta.url)).mtimeMs);
}

const bundle = path.join(DIST, "main.js");
if (process.argv.includes("--if-stale") && existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) process.exit(0);

await build({
  entryPoints: { main: path.join(SERVER, "src/main.ts"), "worker-thread": path.join(SERVER, "src/boot/worker-thread.ts") },
  outdir: DIST,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  // Resolve packages as Node itself would (no "module" field or condition, which Node ignores).
  mainFields: ["main"],
  conditions: ["node"],
  logLevel: "warning",
  plugins: [npmPackagesExternal],
});
console.log("server built into apps/server/dist");
