import type { FlowInput } from "../flow/flow-schema";
import { FLOW_LIMITS } from "../flow/limits";
import { findUnstorable, storableText } from "../util/storable-text";

export type InputResolution = { ok: true; values: Record<string, unknown> } | { ok: false; problems: string[] };

/**
 * Checks run inputs against the flow's declared inputs: required ones present, no unknown names,
 * values of the declared type (strings from a CLI or form are converted), sizes within limits.
 */
export function resolveRunInputs(declared: readonly FlowInput[], given: Record<string, unknown>): InputResolution {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  const names = new Set(declared.map((d) => d.name));
  for (const name of Object.keys(given)) {
    if (!names.has(name)) problems.push(`unknown input '${storableText(name).text}'; the flow declares ${[...names].map((n) => `'${n}'`).join(", ") || "no inputs"}`);
  }
  for (const input of declared) {
    const raw = Object.hasOwn(given, input.name) ? given[input.name] : input.default;
    if (raw === undefined) {
      if (input.required !== false) problems.push(`missing input '${input.name}'${input.description ? ` (${input.description})` : ""}`);
      continue;
    }
    // Before anything serializes it: deep nesting overflows JSON.stringify, and the database refuses some text.
    const hostile = unstorable(input.name, raw);
    if (hostile) {
      problems.push(hostile);
      continue;
    }
    const conversion = convert(input, raw);
    if (!conversion.ok) {
      problems.push(conversion.problem);
      continue;
    }
    const converted = conversion.value;
    const parsedHostile = converted === raw ? undefined : unstorable(input.name, converted);
    if (parsedHostile) {
      problems.push(parsedHostile);
      continue;
    }
    const size = typeof converted === "string" ? converted.length : JSON.stringify(converted).length;
    if (size > FLOW_LIMITS.inputValueChars) {
      problems.push(`input '${input.name}' is ${size} characters; the limit is ${FLOW_LIMITS.inputValueChars}`);
      continue;
    }
    values[input.name] = converted;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

/** Why an input value cannot be taken (too deep, or text the database refuses), naming where. */
function unstorable(name: string, value: unknown): string | undefined {
  const found = findUnstorable(value, { maxDepth: FLOW_LIMITS.depth, path: name });
  return found && `input '${storableText(found.path).text}' ${found.message}`;
}

type Conversion = { ok: true; value: unknown } | { ok: false; problem: string };

/** Converts a raw value to the input's type. (A result type, not a "!"-prefixed string: string inputs may start with "!".) */
function convert(input: FlowInput, raw: unknown): Conversion {
  const wrong: Conversion = { ok: false, problem: `input '${input.name}' must be a ${input.type}, got ${JSON.stringify(raw).slice(0, 60)}` };
  const ok = (value: unknown): Conversion => ({ ok: true, value });
  switch (input.type) {
    case "string":
      return typeof raw === "string" ? ok(raw) : typeof raw === "number" || typeof raw === "boolean" ? ok(String(raw)) : wrong;
    case "number": {
      const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
      return typeof value === "number" && Number.isFinite(value) ? ok(value) : wrong;
    }
    case "boolean":
      if (typeof raw === "boolean") return ok(raw);
      return raw === "true" ? ok(true) : raw === "false" ? ok(false) : wrong;
    case "json":
      if (typeof raw !== "string") return ok(raw);
      try {
        return ok(JSON.parse(raw) as unknown);
      } catch {
        return { ok: false, problem: `input '${input.name}' must be JSON` };
      }
  }
}

/** Thrown by `runFlow` when the inputs don't fit the flow; hosts show `problems` to the user. */
export class RunInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("; "));
    this.name = "RunInputError";
  }
}
