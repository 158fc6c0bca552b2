import pg from "pg";

/**
 * One dedicated connection for LISTEN, shared by everything in the process that waits for a
 * NOTIFY; it reconnects (and re-LISTENs) if the connection drops.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: (message: string) => void,
  ) {}

  async listen(channel: string, handler: (payload: string) => void): Promise<() => void> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      const client = await this.connection();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on("notification", (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? "");
    });
    client.on("error", (error) => {
      this.log(`LISTEN connection lost: ${error.message}`);
      this.client = undefined;
      if (!this.closed) setTimeout(() => void this.reconnect(), 500);
    });
    await client.connect();
    this.client = client;
    return client;
  }

  private async reconnect(): Promise<void> {
    try {
      const client = await this.connection();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      // Anything announced while we were away is in the database; wake everyone to catch up.
      for (const handlers of this.handlers.values()) for (const handler of handlers) handler("");
    } catch {
      if (!this.closed) setTimeout(() => void this.reconnect(), 1000);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}
