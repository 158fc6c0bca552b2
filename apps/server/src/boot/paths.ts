import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, wherever the process was started from. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export const WEB_ROOT = path.join(REPO_ROOT, "apps/web/dist");
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
