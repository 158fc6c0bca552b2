import type { FieldKind } from "../json-schema";
import type { FieldProps } from "../form-context";
import { SchemaForm } from "../SchemaForm";
import { recordOr } from "../../../util/records";

type VariantKind = Extract<FieldKind, { kind: "variant" }>;

/** A tagged union (e.g. a vote's answer extractor): pick the kind, then fill in that kind's fields. */
export function VariantField({ id, path, value, onChange, kind }: FieldProps & { kind: VariantKind }) {
  const object = recordOr(value);
  const tags = kind.variants.map((v) => v.properties?.[kind.discriminator]?.const);
  const current = object[kind.discriminator];
  const active = kind.variants[tags.findIndex((t) => t === current)];
  const { [kind.discriminator]: _tag, ...fields } = active?.properties ?? {};
  return (
    <div className="sy-variant">
      <select
        id={id}
        className="sy-input"
        value={current === undefined ? "" : String(current)}
        onChange={(e) => onChange(e.target.value === "" ? undefined : { [kind.discriminator]: e.target.value }, path)}
      >
        <option value="">default</option>
        {tags.map((tag) => (
          <option key={String(tag)} value={String(tag)}>
            {String(tag)}
          </option>
        ))}
      </select>
      {active && Object.keys(fields).length > 0 && (
        <SchemaForm
          schema={{ ...active, properties: fields }}
          value={object}
          path={path}
          onChange={(next, leaf) => onChange({ ...next, [kind.discriminator]: current }, leaf)}
        />
      )}
    </div>
  );
}
