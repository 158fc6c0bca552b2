import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

export interface EditorMessage {
  kind: "info" | "error";
  text: string;
}

interface EditorMessageContextValue {
  message: EditorMessage | undefined;
  show: (message: EditorMessage | undefined) => void;
}

const EditorMessageContext = createContext<EditorMessageContextValue | null>(null);

/** One line of feedback for the editor (an import, a failed export), shown under the toolbar until dismissed. */
export function EditorMessageProvider({ children }: { children: ReactNode }) {
  const [message, show] = useState<EditorMessage>();
  const value = useMemo(() => ({ message, show }), [message]);
  return <EditorMessageContext.Provider value={value}>{children}</EditorMessageContext.Provider>;
}

export function useEditorMessage(): EditorMessageContextValue {
  const value = useContext(EditorMessageContext);
  if (!value) throw new Error("useEditorMessage must be used inside <EditorMessageProvider>");
  return value;
}
