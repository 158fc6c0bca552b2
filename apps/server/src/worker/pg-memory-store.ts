import type { MemoryStore, MemoryTurn } from "@switchyard/core";
import type { Db } from "@switchyard/db";

/** Memory-node history in Postgres, per workspace and session id. */
export class PgMemoryStore implements MemoryStore {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: string,
  ) {}

  async load(sessionId: string): Promise<MemoryTurn[]> {
    return this.db.memoryTurn.findMany({
      where: { workspaceId: this.workspaceId, sessionId },
      select: { user: true, assistant: true },
      orderBy: { createdAt: "asc" },
      take: 1000,
    });
  }

  async append(sessionId: string, turn: MemoryTurn): Promise<void> {
    await this.db.memoryTurn.create({ data: { workspaceId: this.workspaceId, sessionId, user: turn.user, assistant: turn.assistant } });
  }
}
