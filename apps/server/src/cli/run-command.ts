import { prepareFlow, RunInputError, runFlow, type ModelGateway, type RunEvent } from "@switchyard/core";
import { requestedModels, type RunTracing } from "@switchyard/telemetry";
import path from "node:path";
import { CliError, EXIT } from "./cli-error";
import { readFlowFile } from "./read-flow";
import { fileSubflows } from "./file-subflows";
import { FileMemoryStore } from "./file-memory";
import { formatOutputs, formatProblem, formatProgress, formatSummary } from "./print";
import { modelChecker } from "./check-model";

export interface RunCommandOptions {
  file: string;
  inputs: Record<string, string>;
  seed?: number;
  budgetUsd?: number;
  json: boolean;
  progress: boolean;
  home: string;
  gateway: ModelGateway;
  /** Exports the run as a trace, when a collector is configured. */
  tracing?: RunTracing;
  signal: AbortSignal;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** `switchyard run <flow.json>`: the engine and providers only, no database. */
export async function runCommand(options: RunCommandOptions): Promise<number> {
  const { document, directory } = await readFlowFile(options.file);
  const prepared = prepareFlow(document, { checkModel: modelChecker(options.gateway) });
  if (!prepared.ok) {
    const errors = prepared.problems.filter((p) => p.severity === "error");
    throw new CliError(`${options.file} is invalid: ${errors.length} problem${errors.length === 1 ? "" : "s"}`, EXIT.usage, errors.map(formatProblem));
  }
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  let simulated = false;
  // CLI run ids are unique only within one process: random trace ids, so parallel runs never share one.
  const trace = options.tracing?.startRun({ deterministicIds: false, requestedModels: requestedModels(prepared.flow) });
  const onEvent = (event: RunEvent) => {
    trace?.record(event);
    if (event.type === "node.completed" && event.simulated) simulated = true;
    if (options.json) options.out(JSON.stringify(event));
    else if (options.progress) {
      const line = formatProgress(event);
      if (line) options.err(line);
    }
  };
  let result;
  try {
    result = await runFlow(prepared.flow, {
      gateway: options.gateway,
      inputs: options.inputs,
      seed,
      signal: options.signal,
      onEvent,
      memory: new FileMemoryStore(path.join(options.home, "memory")),
      subflows: fileSubflows(directory),
      ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}),
    });
  } catch (error) {
    if (error instanceof RunInputError) throw new CliError(`bad input: ${error.problems.join("; ")}`);
    throw error;
  }
  if (!options.json) {
    if (Object.keys(result.outputs).length > 0) options.out(formatOutputs(result.outputs));
    options.err(formatSummary(result, seed, simulated));
  }
  return result.status === "completed" ? EXIT.ok : EXIT.runFailed;
}
