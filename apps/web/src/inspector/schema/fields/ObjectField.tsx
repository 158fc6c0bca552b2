import type { JsonSchema } from "../json-schema";
import type { FieldProps } from "../form-context";
import { SchemaForm } from "../SchemaForm";
import { recordOr } from "../../../util/records";

/** A nested object (retry, sim…) folded away until it's set; emptying it removes it. */
export function ObjectField({ path, value, onChange, schema, label }: FieldProps & { schema: JsonSchema; label: string }) {
  const object = recordOr(value);
  const set = Object.keys(object).length > 0;
  return (
    <details className="sy-group" open={set || undefined}>
      <summary className="sy-group__summary">
        {label}
        {set && <span className="sy-group__count">{Object.keys(object).length} set</span>}
      </summary>
      <SchemaForm schema={schema} value={object} path={path} onChange={(next, leaf) => onChange(Object.keys(next).length ? next : undefined, leaf)} />
    </details>
  );
}
