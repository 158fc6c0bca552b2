/** One exchange in a conversation remembered by a `memory` node. */
export interface MemoryTurn {
  user: string;
  assistant: string;
}

/** Where conversation history lives; hosts inject a persistent one (files, Postgres). */
export interface MemoryStore {
  load(sessionId: string): Promise<MemoryTurn[]>;
  append(sessionId: string, turn: MemoryTurn): Promise<void>;
}

/** History kept in process; the default when a host provides no store. */
export class InMemoryMemoryStore implements MemoryStore {
  private readonly sessions = new Map<string, MemoryTurn[]>();

  async load(sessionId: string): Promise<MemoryTurn[]> {
    return [...(this.sessions.get(sessionId) ?? [])];
  }

  async append(sessionId: string, turn: MemoryTurn): Promise<void> {
    const turns = this.sessions.get(sessionId) ?? [];
    turns.push(turn);
    this.sessions.set(sessionId, turns);
  }
}
