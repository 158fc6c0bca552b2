import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { createEditorStore, type EditorStore, type EditorStoreOptions } from "./editor-store";
import type { EditorState } from "./editor-state";

const EditorContext = createContext<EditorStore | null>(null);

/** Gives its subtree one editor store, created once. */
export function EditorProvider({ options, children }: { options?: EditorStoreOptions; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(options));
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

/** The store itself, for event handlers that read state without re-rendering on it. */
export function useEditorApi(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("useEditor must be used inside <EditorProvider>");
  return store;
}

/** Subscribes to one slice of the editor state; wrap object-returning selectors in `useShallow`. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}
