import { z } from "zod";
import { idSchema } from "../flow/flow-schema";
import { defineNode } from "./node-types";

/** A named run input. Without `data.name` validation binds it (see bindInputNodes); the flow's `inputs` give its type. */
export const inputNode = defineNode({
  type: "input",
  label: "Input",
  description: "A named input of the run, e.g. the user's question.",
  category: "io",
  data: z.object({ name: idSchema.optional() }).strict(),
  defaults: { name: "question" },
  inputs: "none",
  fields: ["value", "text"],
  canFail: false,
  execute(ctx) {
    return { value: ctx.input(ctx.data.name ?? ctx.nodeId) };
  },
});
