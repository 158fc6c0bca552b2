/** What went wrong with a write to the database, as far as the worker needs to know. */
export interface WriteFailure {
  /** The same write would fail again (bad data, a limit), so retrying the run elsewhere is pointless. */
  permanent: boolean;
  /** One line for logs and the run's error: Postgres's own message, never a Prisma dump. */
  detail: string;
}

// SQLSTATE classes that describe the data, not the connection: 22 data exception, 23 integrity
// constraint violation, 54 program limit exceeded.
const PERMANENT_CLASSES = new Set(["22", "23", "54"]);

/** Reads a Prisma (driver adapter) error for its Postgres SQLSTATE and message. */
export function writeFailure(error: unknown): WriteFailure {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown; message?: unknown } } } } | undefined)?.meta?.driverAdapterError?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const message = typeof cause?.message === "string" ? cause.message : error instanceof Error ? error.message.split("\n").find((line) => line.trim()) ?? error.name : String(error);
  return { permanent: code !== undefined && PERMANENT_CLASSES.has(code.slice(0, 2)), detail: code ? `${message} (SQLSTATE ${code})` : message.slice(0, 300) };
}
