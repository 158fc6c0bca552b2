import type { FieldProps } from "../form-context";
import { useDraft } from "./use-draft";

/**
 * One string per line. In `stringOrList` mode (a sim reply) a single line is stored as a string
 * and several as a list, matching what core accepts.
 */
export function StringListField({ id, path, value, onChange, mode }: FieldProps & { mode: "list" | "stringOrList" }) {
  const parse = (text: string): unknown => {
    const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) return undefined;
    return mode === "stringOrList" && lines.length === 1 ? lines[0] : lines;
  };
  const format = (v: unknown) => (Array.isArray(v) ? v.join("\n") : typeof v === "string" ? v : "");
  const [draft, setDraft] = useDraft(value, format, parse);
  const lines = draft.split("\n").length;
  return (
    <textarea
      id={id}
      className="sy-input sy-input--list"
      rows={Math.min(6, Math.max(2, lines))}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(parse(e.target.value), path);
      }}
    />
  );
}
