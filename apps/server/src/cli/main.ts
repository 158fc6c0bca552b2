import { parseArgs } from "node:util";
import { loadEnv } from "../env";
import { gatewayFromEnv } from "../gateway";
import { tracingFromEnv } from "../tracing";
import { CliError, EXIT } from "./cli-error";
import { runCommand } from "./run-command";
import { validateCommand } from "./validate-command";

const USAGE = `usage:
  switchyard run <flow.json> [--input name=value …] [--seed N] [--budget USD] [--json]
  switchyard validate <flow.json>

  --input name=value   a run input (repeat for more); name=@file reads the value from a file
  --seed N             seed for simulated models and retry jitter (same seed, same run)
  --budget USD         stop the run before a call that would exceed this cost
  --json               print the run's events as JSON lines instead of the outputs`;

/** Runs the CLI and returns its exit code; user errors are one line on stderr, never a stack trace. */
export async function main(argv: string[], io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) }): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`switchyard: ${error.message}`);
      for (const line of error.details) io.err(`  ${line}`);
      return error.exitCode;
    }
    io.err(`switchyard: internal error: ${(error as Error).message}`);
    return EXIT.runFailed;
  }
}

async function dispatch(argv: string[], io: { out: (l: string) => void; err: (l: string) => void }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        input: { type: "string", multiple: true, short: "i" },
        seed: { type: "string" },
        budget: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (values.help || command === "help") {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (command !== "run" && command !== "validate") throw new CliError(command ? `unknown command '${command}'\n${USAGE}` : USAGE);
  if (!file) throw new CliError(`${command} needs a flow file\n${USAGE}`);
  if (extra.length > 0) throw new CliError(`unexpected argument '${extra[0]}'`);
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const gateway = gatewayFromEnv(env, "cli");
  if (command === "validate") return validateCommand(file, gateway, io.out);

  const tracing = await tracingFromEnv(env, (line) => io.err(`switchyard: ${line}`));
  const controller = new AbortController();
  const onSignal = () => controller.abort("interrupted (SIGINT)");
  process.once("SIGINT", onSignal);
  try {
    return await runCommand({
      file,
      inputs: await parseInputs(values.input ?? []),
      ...(values.seed !== undefined ? { seed: parseNumber("--seed", values.seed, true) } : {}),
      ...(values.budget !== undefined ? { budgetUsd: parseNumber("--budget", values.budget, false) } : {}),
      json: values.json,
      progress: !values.json && process.stderr.isTTY === true,
      home: env.SWITCHYARD_HOME,
      gateway,
      ...(tracing ? { tracing } : {}),
      signal: controller.signal,
      ...io,
    });
  } finally {
    process.off("SIGINT", onSignal);
    // The run's spans leave before the process does (bounded by the export timeout).
    await tracing?.shutdown();
  }
}

async function parseInputs(pairs: string[]): Promise<Record<string, string>> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new CliError(`--input '${pair}' must look like name=value`);
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (value.startsWith("@")) {
      const { readFile } = await import("node:fs/promises");
      try {
        inputs[name] = await readFile(value.slice(1), "utf8");
      } catch {
        throw new CliError(`--input ${name}: cannot read file ${value.slice(1)}`);
      }
    } else inputs[name] = value;
  }
  return inputs;
}

function parseNumber(flag: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < 0) {
    throw new CliError(`${flag} must be a ${integer ? "non-negative integer" : "non-negative number"}, got '${text}'`);
  }
  return value;
}
