import { useCallback, useEffect, useState } from "react";
import { onSessionEnd } from "../../app/session-end";
import { useEditorApi } from "../../editor/editor-context";
import { browserDraftStorage, discardDraft, keepDraft } from "../../editor/draft-store";
import type { EditorStart, KeptDraft } from "./use-editor-start";

/** The notice about a kept draft, and the ways to be done with it. */
export function useKeptDraft(start: EditorStart, flowId: string, reload: () => void) {
  const [kept, setKept] = useState<KeptDraft | undefined>(start.kept);
  const { userId } = start;
  const forget = useCallback(() => {
    const storage = browserDraftStorage();
    if (storage && userId) discardDraft(storage, userId, flowId);
  }, [userId, flowId]);
  // Nothing kept outlives a successful save.
  const onSaved = useCallback(() => {
    forget();
    setKept(undefined);
  }, [forget]);
  const discard = () => {
    forget();
    setKept(undefined);
    if (kept?.kind === "restored") reload();
  };
  return { keptDraft: kept, dismissKeptDraft: () => setKept(undefined), discardKeptDraft: discard, onSaved };
}

interface KeepOnSessionEnd {
  userId: string | undefined;
  flowId: string;
  baseVersion: number;
  dirty: boolean;
  editable: boolean;
}

/** While the canvas has unsaved changes, a session that ends keeps them in this browser, for this user and flow, before the app leaves for sign-in. */
export function useKeepDraftOnSessionEnd({ userId, flowId, baseVersion, dirty, editable }: KeepOnSessionEnd): void {
  const store = useEditorApi();
  useEffect(() => {
    if (!dirty || !editable || !userId) return;
    return onSessionEnd(() => {
      const storage = browserDraftStorage();
      const draft = { userId, flowId, baseVersion, document: store.getState().toDocument(), keptAt: Date.now() };
      return storage && keepDraft(storage, draft) ? "kept" : "lost";
    });
  }, [store, userId, flowId, baseVersion, dirty, editable]);
}
