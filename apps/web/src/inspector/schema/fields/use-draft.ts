import { useState } from "react";

/**
 * Local text for a field whose stored value is parsed from it (lists, JSON). The draft survives
 * states the value can't represent (a trailing empty line, half-typed JSON) and is replaced only
 * when the value changes from outside (undo, another editor).
 */
export function useDraft<T>(value: T, format: (value: T) => string, parse: (text: string) => T | undefined) {
  const [draft, setDraft] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    const current = parse(draft);
    if (JSON.stringify(current) !== JSON.stringify(value)) setDraft(format(value));
  }
  return [draft, setDraft] as const;
}
