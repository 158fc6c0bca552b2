import type { FieldProps } from "../form-context";

/** A plain string; cleared optional fields are removed rather than stored as "". */
export function TextField({ id, path, value, onChange, multiline, required, placeholder }: FieldProps & { multiline: boolean; required: boolean; placeholder?: string }) {
  const text = typeof value === "string" ? value : value === undefined ? "" : String(value);
  const change = (next: string) => onChange(next === "" && !required ? undefined : next, path);
  return multiline ? (
    <textarea id={id} className="sy-input" rows={3} value={text} placeholder={placeholder} onChange={(e) => change(e.target.value)} />
  ) : (
    <input id={id} className="sy-input" type="text" value={text} placeholder={placeholder} onChange={(e) => change(e.target.value)} spellCheck={false} />
  );
}
