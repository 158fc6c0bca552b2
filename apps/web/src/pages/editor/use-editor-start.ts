import { useEffect, useState } from "react";
import type { FlowDocument } from "@switchyard/core";
import type { FlowWithVersion } from "../../api/types";
import { useMe } from "../../app/use-me";
import { browserDraftStorage, discardDraft, readDraft, type Draft } from "../../editor/draft-store";

/** A draft kept from before the user signed in again: on the canvas, or only kept (the flow is read-only to them now). */
export type KeptDraft = { kind: "restored"; baseVersion: number; latestVersion: number } | { kind: "read-only"; draft: Draft };

/** What the editor opens with: the saved version, or the user's draft of it kept when their session ended. */
export interface EditorStart {
  userId: string | undefined;
  document: FlowDocument;
  /** The saved version the canvas is based on (a draft's, which may be older than the newest). */
  baseVersion: number;
  /** Set when the canvas starts from a draft: the saved document that "unsaved changes" compares with. */
  savedDocument?: FlowDocument;
  kept?: KeptDraft;
}

/**
 * Decided once, when the editor opens. A restored draft leaves the store at once: on the canvas it is
 * ordinary unsaved work (guarded on leaving, kept again should the session end again).
 */
export function useEditorStart(flow: FlowWithVersion, document: FlowDocument, viewingVersion: number | undefined): EditorStart {
  const userId = useMe().data?.user?.id;
  const [start] = useState(() => editorStart(flow, document, viewingVersion, userId));
  useEffect(() => {
    const storage = browserDraftStorage();
    if (start.kept?.kind === "restored" && start.userId && storage) discardDraft(storage, start.userId, flow.id);
  }, [start, flow.id]);
  return start;
}

function editorStart(flow: FlowWithVersion, document: FlowDocument, viewingVersion: number | undefined, userId: string | undefined): EditorStart {
  const saved: EditorStart = { userId, document, baseVersion: flow.version.version };
  const storage = browserDraftStorage();
  // An older version opened on purpose is read-only; the draft waits for the latest.
  if (!userId || !storage || viewingVersion !== undefined) return saved;
  const draft = readDraft(storage, userId, flow.id, Date.now());
  if (!draft) return saved;
  if (flow.role === "viewer") return { ...saved, kept: { kind: "read-only", draft } };
  return {
    userId,
    document: draft.document,
    baseVersion: draft.baseVersion,
    savedDocument: document,
    kept: { kind: "restored", baseVersion: draft.baseVersion, latestVersion: flow.latestVersion },
  };
}
