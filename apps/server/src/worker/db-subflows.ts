import type { SubflowLoader } from "@switchyard/core";
import { subflowForRun, type RunStarter } from "@switchyard/api/workers";
import type { Db } from "@switchyard/db";

/**
 * Subflows on the server are saved flows of the run's workspace, by id, at their latest version,
 * that the run's starter may read. The same loader (the same starter) serves every nesting depth.
 */
export function dbSubflows(db: Db, starter: RunStarter): SubflowLoader {
  return { load: (ref) => subflowForRun(db, starter, ref) };
}
