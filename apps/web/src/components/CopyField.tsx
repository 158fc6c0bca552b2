import { useRef, useState } from "react";

/** A read-only text field with a Copy button; falls back to selecting the text when the clipboard is refused. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed">();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      field.current?.select();
      setCopied("failed");
    }
  };
  return (
    <>
      <div className="sy-row">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input id={id} ref={field} className="sy-input sy-input--mono" readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" className="sy-button sy-button--primary" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
      </div>
      {copied === "failed" && <p className="sy-field__help">Couldn't reach the clipboard; the text is selected — press Ctrl+C.</p>}
    </>
  );
}
