import type { JsonSchema } from "./json-schema";
import { joinPath } from "./form-context";
import { SchemaField } from "./SchemaField";

interface SchemaFormProps {
  schema: JsonSchema;
  value: Record<string, unknown>;
  /** Path of this object inside the node's data; "" at the top. */
  path: string;
  onChange: (value: Record<string, unknown>, leaf: string) => void;
}

/** One field per property of an object schema, in the schema's order. */
export function SchemaForm({ schema, value, path, onChange }: SchemaFormProps) {
  const required = new Set(schema.required ?? []);
  const set = (key: string, next: unknown, leaf: string) => {
    const copy = { ...value };
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    onChange(copy, leaf);
  };
  return (
    <div className="sy-form">
      {Object.entries(schema.properties ?? {}).map(([key, field]) => (
        <SchemaField
          key={key}
          name={key}
          schema={field}
          required={required.has(key)}
          path={joinPath(path, key)}
          value={value[key]}
          onChange={(next, leaf) => set(key, next, leaf)}
        />
      ))}
    </div>
  );
}
