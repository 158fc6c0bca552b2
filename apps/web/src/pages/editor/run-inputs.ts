import type { FlowInput } from "@switchyard/core";

/** What the run form holds per input: text for text-like types, a flag for booleans. */
export type InputFieldValue = string | boolean;
export type InputFormValues = Record<string, InputFieldValue>;

/** The form's starting value for an input: its default, shown the way the user would type it. */
export function initialFieldValue(input: FlowInput): InputFieldValue {
  const value = input.default;
  if (input.type === "boolean") return value === true || value === "true";
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (input.type === "json") return JSON.stringify(value, null, 2);
  return String(value);
}

export function fieldValue(input: FlowInput, values: InputFormValues): InputFieldValue {
  return Object.hasOwn(values, input.name) ? (values[input.name] ?? "") : initialFieldValue(input);
}

export function isRequired(input: FlowInput): boolean {
  return input.required !== false;
}

export type CoercedInputs = { ok: true; values: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/**
 * Turns the form into `runs.start` inputs, typed as the flow declares them; every problem is named
 * by its input so the form can show it beside the field. An empty optional field is left out
 * (the flow's default then applies on the server).
 */
export function coerceRunInputs(declared: readonly FlowInput[], values: InputFormValues): CoercedInputs {
  const errors: Record<string, string> = {};
  const out: Record<string, unknown> = {};
  for (const input of declared) {
    const raw = fieldValue(input, values);
    if (input.type === "boolean") {
      out[input.name] = raw === true;
      continue;
    }
    const text = typeof raw === "string" ? raw : String(raw);
    if (text.trim() === "") {
      if (input.type === "string" && text !== "") out[input.name] = text;
      else if (isRequired(input)) errors[input.name] = "Required.";
      continue;
    }
    if (input.type === "number") {
      const n = Number(text.trim());
      if (Number.isFinite(n)) out[input.name] = n;
      else errors[input.name] = "Enter a number, e.g. 42 or 0.5.";
    } else if (input.type === "json") {
      try {
        out[input.name] = JSON.parse(text) as unknown;
      } catch (error) {
        errors[input.name] = `Not valid JSON: ${(error as Error).message}`;
      }
    } else {
      out[input.name] = text;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values: out };
}

export type ParsedOption<T> = { ok: true; value: T | undefined } | { ok: false; error: string };

/** The optional seed: empty means "pick one"; otherwise a whole number the server accepts. */
export function parseSeed(text: string): ParsedOption<number> {
  const t = text.trim();
  if (t === "") return { ok: true, value: undefined };
  const n = Number(t);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1) return { ok: false, error: `A whole number from 0 to ${2 ** 31 - 1}.` };
  return { ok: true, value: n };
}

/** The optional budget in USD: empty means none (or the flow's own). */
export function parseBudget(text: string): ParsedOption<number> {
  const t = text.trim().replace(/^\$/, "");
  if (t === "") return { ok: true, value: undefined };
  const n = Number(t);
  if (!Number.isFinite(n) || n <= 0) return { ok: false, error: "A positive amount in USD, e.g. 0.05." };
  if (n > 10_000) return { ok: false, error: "At most $10,000." };
  return { ok: true, value: n };
}

/** The form as it was for a run (its recorded inputs), e.g. after reloading the page mid-run. */
export function formValuesFromRun(declared: readonly FlowInput[], runInputs: Record<string, unknown>): InputFormValues {
  const values: InputFormValues = {};
  for (const input of declared) {
    if (Object.hasOwn(runInputs, input.name)) values[input.name] = initialFieldValue({ ...input, default: runInputs[input.name] });
  }
  return values;
}
