import { z } from "zod";
import { idSchema } from "../flow/flow-schema";
import { problem } from "../validation/problems";
import { defineNode } from "./node-types";

/**
 * A named run output. Several branches may lead here (a gate's pass and its escalation, a fallback
 * chain); it emits the value of whichever branch actually produced one.
 */
export const outputNode = defineNode({
  type: "output",
  label: "Output",
  description: "A named output of the run; takes the value of whichever incoming branch produced one.",
  category: "io",
  data: z.object({ name: idSchema.optional() }).strict(),
  defaults: { name: "answer" },
  inputs: "many",
  fields: ["value", "text"],
  canFail: false,
  validate(nodeId, _data, flow) {
    const hasInput = flow.incoming(nodeId).some((edge) => edge.kind === "data");
    return hasInput ? [] : [problem("output-unconnected", `output '${nodeId}' has no incoming edge`, { nodeId })];
  },
  execute(ctx) {
    return { value: ctx.inputs[0]?.value };
  },
});
