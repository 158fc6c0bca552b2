import { compileTemplate, renderTemplate, type TemplateScope } from "../flow/template";
import type { FailedInput, NodeContext, NodeInput, SubflowResult } from "../nodes/node-types";
import { ModelError } from "../model/model-errors";
import type { EmbedResult } from "../model/model-gateway";
import { estimateTokens } from "../util/tokens";
import { callModel, type CallTally } from "./model-caller";
import type { PlanNode } from "./plan";
import { runFlow, type RunExecution } from "./executor";
import { prepareFlow } from "./plan";

/** Subflows may nest, but not without end (a flow that runs itself). */
const MAX_SUBFLOW_DEPTH = 5;

/** Renders a template against the run's inputs and the outputs of nodes that completed. */
export function renderWith(run: RunExecution, template: string): string {
  const compiled = run.flow.templates.get(template) ?? compileTemplate(template);
  const scope: TemplateScope = {
    input: (name) => (Object.hasOwn(run.inputs, name) ? run.inputs[name] : undefined),
    node: (id) => run.nodeOutput(id),
  };
  return renderTemplate(compiled, scope);
}

/** What a node's `execute` sees: its inputs, templates, and the host's capabilities. */
export function createNodeContext(run: RunExecution, node: PlanNode, inputs: NodeInput[], failedInputs: FailedInput[], tally: CallTally): NodeContext<never> {
  const depth = run.options.depth ?? 0;
  return {
    nodeId: node.id,
    data: node.data as never,
    inputs,
    failedInputs,
    signal: run.abortSignal,
    seed: run.seed,
    depth,
    patterns: run.flow.patterns,
    memory: run.memory,
    render: (template) => renderWith(run, template),
    input: (name) => (Object.hasOwn(run.inputs, name) ? run.inputs[name] : undefined),
    callModel: (options) => callModel(run.services, node.id, tally, options),
    async embed(model, texts) {
      const info = run.services.gateway.describe(model);
      if (info.unavailable) throw new ModelError("unavailable", info.unavailable);
      // Like a model call, an embedding call is checked against the run budget before it is made.
      const estimate = info.price ? (estimateTokens(texts.join("\n")) * info.price.inputPerMTok) / 1_000_000 : 0;
      run.services.budget.reserve(node.id, estimate);
      let result: EmbedResult;
      try {
        result = await run.services.gateway.embed({ model, texts, signal: run.abortSignal });
      } finally {
        run.services.budget.release(estimate);
      }
      tally.calls++;
      tally.usage = { input: tally.usage.input + result.usage.input, output: tally.usage.output + result.usage.output };
      const cost = info.price ? (result.usage.input * info.price.inputPerMTok) / 1_000_000 : 0;
      tally.costUsd += cost;
      run.services.budget.record(cost);
      return result.vectors;
    },
    runSubflow: (ref, subflowInputs) => runSubflow(run, ref, subflowInputs, depth, tally),
  };
}

async function runSubflow(run: RunExecution, ref: string, inputs: Record<string, unknown>, depth: number, tally: CallTally): Promise<SubflowResult> {
  const loader = run.options.subflows;
  if (!loader) throw new Error(`this host cannot load subflows (needed for '${ref}')`);
  if (depth + 1 > MAX_SUBFLOW_DEPTH) throw new Error(`subflows nest deeper than ${MAX_SUBFLOW_DEPTH} levels (does '${ref}' run itself?)`);
  const { document, loader: nested } = await loader.load(ref);
  const prepared = prepareFlow(document);
  if (!prepared.ok) {
    const first = prepared.problems.find((p) => p.severity === "error");
    throw new Error(`subflow '${ref}' is invalid: ${first?.message ?? "unknown problem"}`);
  }
  // One ledger for the run and its subflows: siblings see each other's reservations.
  const ledger = run.services.budget;
  const result = await runFlow(prepared.flow, {
    gateway: run.services.gateway,
    inputs,
    seed: run.seed,
    signal: run.abortSignal,
    memory: run.memory,
    depth: depth + 1,
    ...(nested ?? loader ? { subflows: nested ?? loader } : {}),
    limits: run.services.limits,
    ...(ledger.limited ? { budget: ledger } : {}),
  });
  tally.calls++;
  tally.usage = { input: tally.usage.input + result.tokens.input, output: tally.usage.output + result.tokens.output };
  tally.costUsd += result.costUsd;
  // A shared ledger holds the subflow's spending already.
  if (!ledger.limited) ledger.record(result.costUsd);
  // A budget stop inside the subflow is the parent run's budget too: stop the run, don't take an error fallback.
  if (result.error?.code === "budget") throw new ModelError("budget", `subflow '${ref}' stopped: ${result.error.message}`);
  if (result.status !== "completed") throw new Error(`subflow '${ref}' ${result.status}: ${result.error?.message ?? "cancelled"}`);
  return { outputs: result.outputs, usage: result.tokens, costUsd: result.costUsd };
}
