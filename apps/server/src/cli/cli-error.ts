/** Exit codes of the CLI (DESIGN.md): 0 ok, 1 the run failed, 2 the flow or the arguments are wrong. */
export const EXIT = { ok: 0, runFailed: 1, usage: 2 } as const;

/** A user error: printed as one line, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    /** Extra lines (e.g. every validation problem) printed after the message. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }
}
