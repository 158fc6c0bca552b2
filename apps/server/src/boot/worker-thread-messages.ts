/** What the server hands its worker thread when starting it. */
export interface WorkerThreadData {
  /** The environment the worker validates as its own (the server's, as started). */
  env: Record<string, string | undefined>;
  databaseUrl: string;
  /** Base64. */
  credentialKey: string;
}

/** Messages between the server and its worker thread. */
export type ThreadMessage =
  | { type: "ready" }
  | { type: "failed"; error: string }
  | { type: "log"; message: string }
  | { type: "stop" }
  | { type: "stopped"; error?: string };
