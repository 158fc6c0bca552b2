import { useCallback, useEffect, useMemo, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FlowDocument } from "@switchyard/core";
import { useTRPC } from "../../api/trpc";
import { errorCode, errorMessage, isNoAccess } from "../../api/errors";
import { useEditor, useEditorApi } from "../../editor/editor-context";
import type { EditorState } from "../../editor/editor-state";
import { documentFingerprint } from "../../editor/flow-file";
import type { SaveState } from "./flow-session";

/** A fingerprint of the canvas, recomputed only when the document parts of the state change. */
function createFingerprinter() {
  let last: { meta: unknown; nodes: unknown; edges: unknown; value: string } | undefined;
  return (s: EditorState): string => {
    if (last && last.meta === s.meta && last.nodes === s.nodes && last.edges === s.edges) return last.value;
    const value = documentFingerprint(s.toDocument());
    last = { meta: s.meta, nodes: s.nodes, edges: s.edges, value };
    return value;
  };
}

export interface FlowSaveOptions {
  flowId: string;
  /** The saved version the canvas starts from; the next save names it. */
  initialVersion: number;
  /**
   * The saved document, when the canvas does not start from it (a restored draft): "unsaved changes"
   * compares with it instead of with the canvas as it opened.
   */
  savedDocument?: FlowDocument;
  onNoAccess: () => void;
  /** After each successful save. */
  onSaved?: () => void;
}

/**
 * Saving with optimistic concurrency: each save names the version it was based on, and the server
 * refuses it (CONFLICT) when someone saved in between. "Unsaved changes" compares the canvas with
 * what was last loaded or saved, so undoing back to it is clean again.
 */
export function useFlowSave({ flowId, initialVersion, savedDocument, onNoAccess, onSaved }: FlowSaveOptions) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const store = useEditorApi();
  const fingerprint = useMemo(createFingerprinter, []);
  const [baseVersion, setBaseVersion] = useState(initialVersion);
  const [baseline, setBaseline] = useState<string | undefined>(() => {
    if (savedDocument) return documentFingerprint(savedDocument);
    return store.getState().pendingLayout ? undefined : fingerprint(store.getState());
  });
  const [error, setError] = useState<SaveState["error"]>();

  // A flow saved without positions is laid out on open; the laid-out canvas is the clean state.
  useEffect(() => {
    if (baseline !== undefined) return;
    const settle = (s: EditorState) => {
      if (!s.pendingLayout) setBaseline(fingerprint(s));
    };
    settle(store.getState());
    return store.subscribe(settle);
  }, [baseline, fingerprint, store]);

  const dirty = useEditor((s) => baseline !== undefined && !s.pendingLayout && fingerprint(s) !== baseline);
  const { mutateAsync: update, isPending: saving } = useMutation(trpc.flows.update.mutationOptions());

  const save = useCallback(
    async (options: { overwrite?: boolean } = {}) => {
      const document = store.getState().toDocument();
      setError(undefined);
      try {
        const result = await update({ id: flowId, document, ...(options.overwrite ? {} : { baseVersion }) });
        setBaseVersion(result.version);
        setBaseline(documentFingerprint(document));
        onSaved?.();
        void queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ id: flowId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.flows.byId.queryKey({ id: flowId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        return result.version;
      } catch (caught) {
        setError({ message: errorMessage(caught), conflict: errorCode(caught) === "CONFLICT" });
        // A role lowered or a share revoked since the flow opened: the page learns which, and says so.
        if (isNoAccess(caught)) onNoAccess();
        return undefined;
      }
    },
    [store, update, flowId, baseVersion, queryClient, trpc, onNoAccess, onSaved],
  );

  const saveState: SaveState = { saving, ...(error ? { error } : {}) };
  return { baseVersion, dirty, save, saveState, dismissSaveError: () => setError(undefined) };
}
