import path from "node:path";
import { repoRoot } from "@switchyard/db";

/** The repository root, wherever the process was started from (and from source or compiled). */
export const REPO_ROOT = repoRoot(import.meta.url);
export const WEB_ROOT = path.join(REPO_ROOT, "apps/web/dist");
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
