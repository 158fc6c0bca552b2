import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { FLOW_LIMITS } from "@switchyard/core";
import { CliError } from "./cli-error";

/** Reads and parses a flow file, refusing oversized files before reading them. */
export async function readFlowFile(file: string): Promise<{ document: unknown; directory: string }> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new CliError(`cannot read ${file}: no such file`);
  }
  if (size > FLOW_LIMITS.documentBytes) {
    throw new CliError(`${file} is ${formatBytes(size)}; a flow file may be at most ${formatBytes(FLOW_LIMITS.documentBytes)}`);
  }
  const text = await readFile(file, "utf8");
  try {
    return { document: JSON.parse(text) as unknown, directory: path.dirname(path.resolve(file)) };
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
}
