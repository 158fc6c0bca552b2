import { z } from "zod";
import { templateSchema } from "./shared/schemas";
import { defineNode } from "./node-types";

export const subflowData = z
  .object({
    /** The flow to run: a file path (CLI, relative to this flow) or a saved flow id (server). */
    flow: z.string().min(1).max(500),
    /** The subflow's inputs, each a template over this flow's values. */
    inputs: z.record(z.string(), templateSchema).default({}),
    /** Which of its outputs becomes this node's value; the first when absent. */
    output: z.string().max(64).optional(),
  })
  .strict();

/** Runs another flow as one node; its cost and tokens count toward this run. */
export const subflowNode = defineNode({
  type: "subflow",
  label: "Subflow",
  description: "Runs another saved flow as a single node.",
  category: "control",
  data: subflowData,
  defaults: { flow: "other-flow.json", inputs: {} },
  inputs: "many",
  fields: ["value", "text", "outputs"],
  canFail: true,
  templates: (data) => Object.values(data.inputs),
  async execute(ctx) {
    const inputs = Object.fromEntries(Object.entries(ctx.data.inputs).map(([name, t]) => [name, ctx.render(t)]));
    const result = await ctx.runSubflow(ctx.data.flow, inputs);
    const name = ctx.data.output ?? Object.keys(result.outputs)[0];
    if (name === undefined || !Object.hasOwn(result.outputs, name)) {
      throw new Error(`subflow '${ctx.data.flow}' has no output${ctx.data.output ? ` named '${ctx.data.output}'` : "s"}`);
    }
    return { value: result.outputs[name], fields: { outputs: result.outputs } };
  },
});
