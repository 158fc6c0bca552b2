import type { JsonSchema } from "../json-schema";
import { joinPath, type FieldProps } from "../form-context";
import { recordOr } from "../../../util/records";

/** A map of names to values (vote weights, subflow inputs) as editable rows. */
export function RecordField({ id, path, value, onChange, valueSchema, label }: FieldProps & { valueSchema: JsonSchema; label: string }) {
  const entries = Object.entries(recordOr(value));
  const numeric = valueSchema.type === "number" || valueSchema.type === "integer";
  const emit = (next: [string, unknown][], leaf: string) => onChange(next.length ? Object.fromEntries(next) : undefined, leaf);
  const freshKey = () => {
    let n = entries.length + 1;
    while (entries.some(([k]) => k === `key${n}`)) n++;
    return `key${n}`;
  };
  return (
    <fieldset className="sy-group sy-record">
      <legend className="sy-group__summary">{label}</legend>
      {entries.map(([key, entry], index) => (
        <div key={index} className="sy-record__row">
          <input
            className="sy-input"
            aria-label={`${label} name ${index + 1}`}
            id={index === 0 ? id : undefined}
            value={key}
            spellCheck={false}
            onChange={(e) => emit(entries.map((pair, i) => (i === index ? [e.target.value, pair[1]] : pair)), path)}
          />
          <input
            className="sy-input"
            aria-label={`${label} value for ${key}`}
            type={numeric ? "number" : "text"}
            step="any"
            value={numeric ? (typeof entry === "number" ? entry : "") : typeof entry === "string" ? entry : ""}
            onChange={(e) =>
              emit(
                entries.map((pair, i) => (i === index ? [key, numeric ? (e.target.value === "" ? 0 : e.target.valueAsNumber) : e.target.value] : pair)),
                joinPath(path, key),
              )
            }
          />
          <button type="button" className="sy-icon-button" aria-label={`Remove ${key}`} onClick={() => emit(entries.filter((_, i) => i !== index), path)}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="sy-button sy-button--small" onClick={() => emit([...entries, [freshKey(), numeric ? 1 : ""]], path)}>
        + Add
      </button>
    </fieldset>
  );
}
