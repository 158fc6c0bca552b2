import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository's root folder (the one with pnpm-workspace.yaml), found by walking up from
 * `from` (a module's `import.meta.url`). The same answer from a source file and from the bundle
 * the server is compiled into, which sit at different depths.
 */
export function repoRoot(from: string): string {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no repository root (pnpm-workspace.yaml) above ${fileURLToPath(from)}`);
    dir = up;
  }
}
