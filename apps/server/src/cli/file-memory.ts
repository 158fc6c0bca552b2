import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { hashString, type MemoryStore, type MemoryTurn } from "@switchyard/core";

/** Memory-node history for headless runs: one JSON file per session under `directory`. */
export class FileMemoryStore implements MemoryStore {
  constructor(private readonly directory: string) {}

  async load(sessionId: string): Promise<MemoryTurn[]> {
    try {
      return JSON.parse(await readFile(this.fileOf(sessionId), "utf8")) as MemoryTurn[];
    } catch {
      return [];
    }
  }

  async append(sessionId: string, turn: MemoryTurn): Promise<void> {
    const turns = [...(await this.load(sessionId)), turn];
    await mkdir(this.directory, { recursive: true });
    // Write then rename, so a crash never leaves half a history behind.
    const file = this.fileOf(sessionId);
    await writeFile(`${file}.tmp`, JSON.stringify(turns, null, 2));
    await rename(`${file}.tmp`, file);
  }

  private fileOf(sessionId: string): string {
    const safe = sessionId.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64);
    return path.join(this.directory, `${safe}-${hashString(sessionId).toString(36)}.json`);
  }
}
