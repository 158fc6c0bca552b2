import { useCallback, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import { useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import type { FlowDocument } from "@switchyard/core";
import { useTRPC } from "../../api/trpc";
import { useMe } from "../../app/use-me";
import type { FlowWithVersion } from "../../api/types";
import { modelChecker, type ModelGroup } from "../../catalog/models";
import { EditorProvider } from "../../editor/editor-context";
import { RunProvider } from "../../run/run-context";
import { FlowSessionContext, type FlowSession, type ReadOnly, type SidePanelTab } from "./flow-session";
import { useFlowSave } from "./use-flow-save";
import { useEditorStart, type EditorStart } from "./use-editor-start";
import { useKeepDraftOnSessionEnd, useKeptDraft } from "./use-kept-draft";
import { EditorWorkspace } from "./EditorWorkspace";

interface FlowEditorProps {
  flow: FlowWithVersion;
  document: FlowDocument;
  models: ModelGroup[];
  /** Set when an older version is open (read-only). */
  viewingVersion: number | undefined;
  /** The server no longer lets you see this flow, though it was open. */
  accessLost: boolean;
}

/** One open flow: its own editor store and run store, created from the loaded version (or the user's draft of it). */
export function FlowEditor({ flow, document, models, viewingVersion, accessLost }: FlowEditorProps) {
  const start = useEditorStart(flow, document, viewingVersion);
  // Options are read once, when the store is created.
  const [options] = useState(() => ({ document: start.document, checkModel: modelChecker(models) }));
  return (
    <EditorProvider options={options}>
      <RunProvider>
        <ReactFlowProvider>
          <Session flow={flow} models={models} viewingVersion={viewingVersion} accessLost={accessLost} start={start} />
        </ReactFlowProvider>
      </RunProvider>
    </EditorProvider>
  );
}

function Session({ flow, models, viewingVersion, accessLost, start }: Omit<FlowEditorProps, "document"> & { start: EditorStart }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const me = useMe();
  const workspaceRole = me.data?.workspaces.find((w) => w.id === flow.workspaceId)?.role;
  // The page's query of this flow answers: still yours (perhaps with another role), or gone. The flow list may have changed too.
  const checkAccess = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.flows.byId.queryKey({ id: flow.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
  }, [queryClient, trpc, flow.id]);
  const reload = useCallback(() => {
    // Dropping the cached versions makes the page fetch the newest and open a fresh editor on it.
    void queryClient.resetQueries({ queryKey: trpc.flows.byId.queryKey({ id: flow.id }) });
    navigate(`/flows/${flow.id}`, { replace: true });
  }, [queryClient, trpc, flow.id, navigate]);
  const { onSaved, ...kept } = useKeptDraft(start, flow.id, reload);
  const saving = useFlowSave({
    flowId: flow.id,
    initialVersion: start.baseVersion,
    ...(start.savedDocument ? { savedDocument: start.savedDocument } : {}),
    onNoAccess: checkAccess,
    onSaved,
  });
  // Opened on a run (a reload mid-run, a shared link): show that run first.
  const [panel, setPanel] = useState<SidePanelTab>(() => (new URLSearchParams(window.location.search).has("run") ? "run" : "inspect"));
  const old = viewingVersion !== undefined && viewingVersion < flow.latestVersion;
  const readOnly: ReadOnly | undefined = accessLost
    ? { kind: "no-access" }
    : flow.role === "viewer"
      ? { kind: "viewer" }
      : old
        ? { kind: "old-version", version: flow.version.version }
        : undefined;
  useKeepDraftOnSessionEnd({ userId: start.userId, flowId: flow.id, baseVersion: saving.baseVersion, dirty: saving.dirty, editable: readOnly === undefined });

  // Rebuilt when the session re-renders: on save, dirty flips, panel switches and refreshed flow data, never per frame.
  const session: FlowSession = {
    flowId: flow.id,
    workspaceId: flow.workspaceId,
    role: flow.role,
    workspaceRole,
    accessLost,
    checkAccess,
    readOnly,
    latestVersion: flow.latestVersion,
    ...saving,
    ...kept,
    reload,
    panel,
    setPanel,
  };

  return (
    <FlowSessionContext.Provider value={session}>
      <EditorWorkspace models={models} />
    </FlowSessionContext.Provider>
  );
}
