import type { FieldKind } from "../json-schema";
import type { FieldProps } from "../form-context";

type NumberKind = Extract<FieldKind, { kind: "number" }>;

/** A number with the schema's bounds; out-of-range values are kept and flagged by validation, not silently clamped. */
export function NumberField({ id, path, value, onChange, kind, placeholder }: FieldProps & { kind: NumberKind; placeholder?: string }) {
  const range =
    kind.min !== undefined && kind.max !== undefined ? `${kind.min} – ${kind.max}` : kind.min !== undefined ? `≥ ${kind.min}` : kind.max !== undefined ? `≤ ${kind.max}` : undefined;
  return (
    <div className="sy-number">
      <input
        id={id}
        className="sy-input"
        type="number"
        inputMode={kind.integer ? "numeric" : "decimal"}
        min={kind.min}
        max={kind.max}
        step={kind.integer ? 1 : "any"}
        placeholder={placeholder}
        value={typeof value === "number" ? value : ""}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.valueAsNumber, path)}
      />
      {range && <span className="sy-number__range">{range}</span>}
    </div>
  );
}
