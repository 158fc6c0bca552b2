import { validateFlow, type ModelGateway } from "@switchyard/core";
import { CliError, EXIT } from "./cli-error";
import { readFlowFile } from "./read-flow";
import { formatProblem } from "./print";
import { modelChecker } from "./check-model";

/** `switchyard validate <flow.json>`: every problem, each with its node or edge. */
export async function validateCommand(file: string, gateway: ModelGateway, out: (line: string) => void): Promise<number> {
  const { document } = await readFlowFile(file);
  const result = validateFlow(document, { checkModel: modelChecker(gateway) });
  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new CliError(`${file} is invalid: ${errors.length} problem${errors.length === 1 ? "" : "s"}`, EXIT.usage, result.problems.map(formatProblem));
  }
  for (const p of result.problems) out(formatProblem(p));
  const doc = result.document!;
  out(`${file} is valid: "${doc.name}", ${doc.nodes.length} nodes, ${doc.edges.length} edges`);
  return EXIT.ok;
}
