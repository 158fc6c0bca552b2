import type { FieldProps } from "../form-context";

/** An enum as a select; optional fields offer "default" so the engine's default applies. */
export function ChoiceField({ id, path, value, onChange, options, required, placeholder }: FieldProps & { options: (string | number)[]; required: boolean; placeholder?: string }) {
  const index = options.findIndex((o) => o === value);
  return (
    <select
      id={id}
      className="sy-input"
      value={index >= 0 ? String(index) : ""}
      onChange={(e) => onChange(e.target.value === "" ? undefined : options[Number(e.target.value)], path)}
    >
      {(!required || index < 0) && <option value="">{placeholder !== undefined ? `default (${placeholder})` : "—"}</option>}
      {options.map((option, i) => (
        <option key={String(option)} value={String(i)}>
          {String(option)}
        </option>
      ))}
    </select>
  );
}
