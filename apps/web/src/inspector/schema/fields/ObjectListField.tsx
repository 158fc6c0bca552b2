import { newListItem, type JsonSchema } from "../json-schema";
import { joinPath, type FieldProps } from "../form-context";
import { SchemaForm } from "../SchemaForm";
import { recordOr } from "../../../util/records";

/** A list of objects (router routes, extract fields) as cards that can be added, removed and reordered. */
export function ObjectListField({ path, value, onChange, item, label }: FieldProps & { item: JsonSchema; label: string }) {
  const items = Array.isArray(value) ? value.map(recordOr) : [];
  const noun = label.replace(/s$/i, "").toLowerCase();
  const replace = (next: Record<string, unknown>[], leaf: string) => onChange(next, leaf);
  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    replace(next, path);
  };
  return (
    <fieldset className="sy-group sy-list">
      <legend className="sy-group__summary">{label}</legend>
      {items.map((entry, index) => {
        const name = typeof entry.name === "string" && entry.name ? entry.name : `${noun} ${index + 1}`;
        return (
          <div key={index} className="sy-list__item">
            <div className="sy-list__bar">
              <span className="sy-list__title">{name}</span>
              <button type="button" className="sy-icon-button" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>
                ↑
              </button>
              <button type="button" className="sy-icon-button" aria-label={`Move ${name} down`} disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>
                ↓
              </button>
              <button type="button" className="sy-icon-button" aria-label={`Remove ${name}`} onClick={() => replace(items.filter((_, i) => i !== index), path)}>
                ×
              </button>
            </div>
            <SchemaForm
              schema={item}
              value={entry}
              path={joinPath(path, index)}
              onChange={(next, leaf) => replace(items.map((e, i) => (i === index ? next : e)), leaf)}
            />
          </div>
        );
      })}
      <button type="button" className="sy-button sy-button--small" onClick={() => replace([...items, newListItem(item, items.length, noun.replace(/[^a-z]/g, ""))], path)}>
        + Add {noun}
      </button>
    </fieldset>
  );
}
