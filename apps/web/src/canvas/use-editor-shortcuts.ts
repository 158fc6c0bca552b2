import { useEffect } from "react";
import type { EditorState } from "../editor/editor-state";
import type { EditorStore } from "../editor/editor-store";

type Shortcut = (state: EditorState, event: KeyboardEvent) => void;

/** With Ctrl (or Cmd on macOS). */
const WITH_MODIFIER: Record<string, Shortcut> = {
  z: (s, e) => (e.shiftKey ? s.redo() : s.undo()),
  y: (s) => s.redo(),
  c: (s) => s.copy(),
  v: (s) => s.paste(),
  a: (s) => s.selectAll(),
};

const PLAIN: Record<string, Shortcut> = {
  l: (s) => void s.autoLayout(),
};

/** Typing in a field must never trigger canvas shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** What a read-only canvas still allows: nothing that changes the flow. */
const READ_ONLY_KEYS = new Set(["c", "a"]);

/** Undo/redo, copy/paste, select all and auto-layout. Delete/Backspace are React Flow's own. */
export function useEditorShortcuts(store: EditorStore, readOnly = false): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey) return;
      const mod = event.ctrlKey || event.metaKey;
      const shortcut = (mod ? WITH_MODIFIER : event.shiftKey ? {} : PLAIN)[event.key.toLowerCase()];
      // Copying selected text (e.g. a node's streamed output) is the browser's job, not a node copy.
      if (!shortcut || (mod && event.key.toLowerCase() === "c" && window.getSelection()?.toString())) return;
      if (readOnly && !(mod && READ_ONLY_KEYS.has(event.key.toLowerCase()))) return;
      event.preventDefault();
      shortcut(store.getState(), event);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store, readOnly]);
}
