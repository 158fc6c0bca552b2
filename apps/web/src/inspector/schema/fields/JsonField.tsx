import { useState } from "react";
import type { FieldProps } from "../form-context";
import { useDraft } from "./use-draft";

/** Any value (a constant): plain text by default, or JSON when the value isn't a string. */
export function JsonField({ id, path, value, onChange }: FieldProps) {
  const [asJson, setAsJson] = useState(typeof value !== "string" && value !== undefined);
  const [error, setError] = useState<string>();
  const parse = (text: string): unknown => {
    if (!asJson) return text;
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const format = (v: unknown) => (typeof v === "string" && !asJson ? v : v === undefined ? "" : JSON.stringify(v, null, 2));
  const [draft, setDraft] = useDraft(value, format, parse);
  const change = (text: string, json: boolean) => {
    setDraft(text);
    if (!json) {
      setError(undefined);
      onChange(text, path);
      return;
    }
    try {
      onChange(JSON.parse(text), path);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="sy-json">
      <textarea id={id} className={`sy-input${asJson ? " sy-input--mono" : ""}`} rows={3} value={draft} onChange={(e) => change(e.target.value, asJson)} spellCheck={!asJson} />
      <label className="sy-json__toggle">
        <input
          type="checkbox"
          checked={asJson}
          onChange={(e) => {
            setAsJson(e.target.checked);
            change(draft, e.target.checked);
          }}
        />
        JSON
      </label>
      {error && <p className="sy-field__errors" role="alert">invalid JSON: {error}</p>}
    </div>
  );
}
