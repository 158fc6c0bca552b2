import { useEffect, useRef, useState } from "react";

/** The new key, shown this once, with a copy button. */
export function NewKeyNotice({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed">();
  const field = useRef<HTMLInputElement>(null);
  // The key appears above the form; bring it into view and focus so it can't be missed.
  useEffect(() => {
    field.current?.scrollIntoView({ block: "center" });
    field.current?.focus();
  }, [secret]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (no HTTPS, permissions); select the text so Ctrl+C works.
      field.current?.select();
      setCopied("failed");
    }
  };
  return (
    <div className="sy-new-key" role="status">
      <p>
        <strong>Copy the key “{name}” now.</strong> It won't be shown again; only a hash of it is stored.
      </p>
      <div className="sy-row">
        <label htmlFor="new-api-key" className="sr-only">
          New API key
        </label>
        <input id="new-api-key" ref={field} className="sy-input sy-input--mono" readOnly value={secret} onFocus={(e) => e.target.select()} />
        <button type="button" className="sy-button sy-button--primary" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
        <button type="button" className="sy-button" onClick={onDone}>
          Done
        </button>
      </div>
      {copied === "failed" && <p className="sy-field__help">Couldn't reach the clipboard; the key is selected — press Ctrl+C.</p>}
    </div>
  );
}
