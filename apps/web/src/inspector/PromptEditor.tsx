import { useId, useRef, useState, type KeyboardEvent } from "react";
import { insertReference, openReferenceAt, referenceSuggestions, type OpenReference, type ReferenceScope } from "./template-completion";

interface PromptEditorProps {
  id: string;
  value: string;
  scope: ReferenceScope;
  rows?: number;
  onChange: (text: string) => void;
}

/** A prompt textarea that completes `{{…}}` references to inputs and other nodes' fields. */
export function PromptEditor({ id, value, scope, rows = 4, onChange }: PromptEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [open, setOpen] = useState<{ at: OpenReference; cursor: number }>();
  const [active, setActive] = useState(0);
  const suggestions = open ? referenceSuggestions(scope, open.at.query, 12) : [];
  const expanded = suggestions.length > 0;

  const track = (el: HTMLTextAreaElement) => {
    const cursor = el.selectionStart;
    const at = el.selectionEnd === cursor ? openReferenceAt(el.value, cursor) : undefined;
    setOpen(at ? { at, cursor } : undefined);
    setActive(0);
  };

  const accept = (reference: string) => {
    if (!open) return;
    const next = insertReference(value, open.cursor, open.at, reference);
    onChange(next.text);
    setOpen(undefined);
    // Put the caret after the inserted reference once React has rendered the new text.
    requestAnimationFrame(() => ref.current?.setSelectionRange(next.cursor, next.cursor));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!expanded) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      const chosen = suggestions[active];
      if (chosen) accept(chosen.reference);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setOpen(undefined);
    }
  };

  return (
    <div className="sy-prompt">
      <textarea
        ref={ref}
        id={id}
        className="sy-input sy-input--mono"
        rows={rows}
        value={value}
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => {
          if (e.key.startsWith("Arrow") && !expanded) track(e.currentTarget);
        }}
        onClick={(e) => track(e.currentTarget)}
        onBlur={() => setOpen(undefined)}
      />
      <ul id={listId} role="listbox" className="sy-prompt__suggestions" hidden={!expanded} aria-label="References">
        {suggestions.map((s, i) => (
          <li
            key={s.reference}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "is-active" : undefined}
            // mousedown, not click: the textarea's blur would close the list before a click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              accept(s.reference);
            }}
          >
            <code>{`{{${s.reference}}}`}</code>
            <span className="sy-prompt__detail">{s.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
