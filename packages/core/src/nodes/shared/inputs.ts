import type { NodeInput } from "../node-types";
import { stringifyValue } from "../../flow/template";

/** The main values of a node's active inputs as one text, in edge order. */
export function joinInputs(inputs: readonly NodeInput[]): string {
  return inputs.map((input) => stringifyValue(input.value)).join("\n\n");
}

/** A node's text to work on: its own template when set, otherwise what flows in. */
export function textOrInputs(render: (t: string) => string, template: string | undefined, inputs: readonly NodeInput[]): string {
  return template !== undefined ? render(template) : joinInputs(inputs);
}
