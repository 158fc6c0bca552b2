import type { ReactNode } from "react";
import { fieldKind, type FieldKind, type JsonSchema } from "./json-schema";
import { domId, useFormContext, type FieldChange, type FieldProps } from "./form-context";
import { fieldHelp, fieldLabel } from "./field-labels";
import { ModelPicker } from "../ModelPicker";
import { PromptEditor } from "../PromptEditor";
import { TextField } from "./fields/TextField";
import { NumberField } from "./fields/NumberField";
import { ChoiceField } from "./fields/ChoiceField";
import { ObjectField } from "./fields/ObjectField";
import { VariantField } from "./fields/VariantField";
import { ObjectListField } from "./fields/ObjectListField";
import { StringListField } from "./fields/StringListField";
import { RecordField } from "./fields/RecordField";
import { JsonField } from "./fields/JsonField";

interface SchemaFieldProps {
  name: string;
  schema: JsonSchema;
  required: boolean;
  path: string;
  value: unknown;
  onChange: FieldChange;
}

/** Groups render their own legend; everything else gets a label, the control, help and problems. */
const GROUPS = new Set<FieldKind["kind"]>(["object", "objectList", "record"]);

export function SchemaField({ name, schema, required, path, value, onChange }: SchemaFieldProps) {
  const { idPrefix, messagesAt, models, scope } = useFormContext();
  const kind = fieldKind(schema);
  const id = domId(idPrefix, path);
  const messages = messagesAt(path);
  const label = fieldLabel(name);
  const props: FieldProps = { id, path, value, onChange };
  if (kind.kind === "boolean") {
    return (
      <div className="sy-field sy-field--inline">
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked ? true : undefined, path)} />
        <label htmlFor={id}>{label}</label>
        <Messages messages={messages} />
      </div>
    );
  }
  const control = controlFor(kind, props, { models, scope, label, required, schema });
  if (GROUPS.has(kind.kind)) return <>{control}</>;
  const help = fieldHelp(name);
  return (
    <div className={`sy-field${messages.length ? " has-error" : ""}`}>
      <label htmlFor={id} className="sy-field__label">
        {label}
        {/* An aria-label on a span is dropped or glued on ("Promptrequired"); hidden text reads "Prompt (required)". */}
        {required && (
          <span className="sy-required">
            <span aria-hidden="true">*</span>
            <span className="sr-only"> (required)</span>
          </span>
        )}
      </label>
      {control}
      {help && <p className="sy-field__help">{help}</p>}
      <Messages messages={messages} />
    </div>
  );
}

interface Extra {
  models: ReturnType<typeof useFormContext>["models"];
  scope: ReturnType<typeof useFormContext>["scope"];
  label: string;
  required: boolean;
  schema: JsonSchema;
}

function controlFor(kind: FieldKind, props: FieldProps, extra: Extra): ReactNode {
  const { id, path, value, onChange } = props;
  const placeholder = extra.schema.default !== undefined && typeof extra.schema.default !== "object" ? String(extra.schema.default) : undefined;
  switch (kind.kind) {
    case "model":
      return <ModelPicker id={id} value={typeof value === "string" ? value : ""} models={extra.models} optional={!extra.required} onChange={(m) => onChange(m, path)} />;
    case "template":
      return <PromptEditor id={id} value={typeof value === "string" ? value : ""} scope={extra.scope} rows={path.endsWith("prompt") ? 4 : 2} onChange={(t) => onChange(t === "" && !extra.required ? undefined : t, path)} />;
    case "text":
      return <TextField {...props} multiline={kind.multiline} required={extra.required} {...(placeholder !== undefined ? { placeholder } : {})} />;
    case "number":
      return <NumberField {...props} kind={kind} {...(placeholder !== undefined ? { placeholder } : {})} />;
    case "choice":
      return <ChoiceField {...props} options={kind.options} required={extra.required} {...(placeholder !== undefined ? { placeholder } : {})} />;
    case "object":
      return <ObjectField {...props} schema={kind.schema} label={extra.label} />;
    case "variant":
      return <VariantField {...props} kind={kind} />;
    case "objectList":
      return <ObjectListField {...props} item={kind.item} label={extra.label} />;
    case "stringList":
      return <StringListField {...props} mode="list" />;
    case "stringOrList":
      return <StringListField {...props} mode="stringOrList" />;
    case "record":
      return <RecordField {...props} valueSchema={kind.value} label={extra.label} />;
    case "json":
    case "boolean":
      return <JsonField {...props} />;
  }
}

export function Messages({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="sy-field__errors" role="alert">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
