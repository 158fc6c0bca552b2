import { z } from "zod";
import { defineNode } from "./node-types";

/** A fixed value; the usual last link of a fallback chain ("default response"). */
export const constantNode = defineNode({
  type: "constant",
  label: "Constant",
  description: "A fixed value, e.g. the default response at the end of a fallback chain.",
  category: "transform",
  data: z.object({ value: z.unknown() }).strict(),
  defaults: { value: "The service is busy; please try again." },
  inputs: "many",
  fields: ["value", "text"],
  canFail: false,
  execute(ctx) {
    return { value: ctx.data.value };
  },
});
