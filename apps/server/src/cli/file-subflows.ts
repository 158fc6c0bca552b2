import path from "node:path";
import type { SubflowLoader } from "@switchyard/core";
import { readFlowFile } from "./read-flow";

/** Subflows as files, resolved relative to the flow that references them. */
export function fileSubflows(directory: string): SubflowLoader {
  return {
    async load(ref) {
      const file = path.resolve(directory, ref);
      const { document, directory: nested } = await readFlowFile(file);
      return { document, loader: fileSubflows(nested) };
    },
  };
}
