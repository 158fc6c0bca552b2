import { useCallback, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import { useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import type { FlowDocument } from "@switchyard/core";
import { useTRPC } from "../../api/trpc";
import type { FlowWithVersion } from "../../api/types";
import { modelChecker, type ModelGroup } from "../../catalog/models";
import { EditorProvider } from "../../editor/editor-context";
import { RunProvider } from "../../run/run-context";
import { FlowSessionContext, type FlowSession, type ReadOnly, type SidePanelTab } from "./flow-session";
import { useFlowSave } from "./use-flow-save";
import { EditorWorkspace } from "./EditorWorkspace";

interface FlowEditorProps {
  flow: FlowWithVersion;
  document: FlowDocument;
  models: ModelGroup[];
  /** Set when an older version is open (read-only). */
  viewingVersion: number | undefined;
}

/** One open flow: its own editor store and run store, created from the loaded version. */
export function FlowEditor({ flow, document, models, viewingVersion }: FlowEditorProps) {
  // Options are read once, when the store is created; the document is the version as loaded.
  const [options] = useState(() => ({ document, checkModel: modelChecker(models) }));
  return (
    <EditorProvider options={options}>
      <RunProvider>
        <ReactFlowProvider>
          <Session flow={flow} models={models} viewingVersion={viewingVersion} />
        </ReactFlowProvider>
      </RunProvider>
    </EditorProvider>
  );
}

function Session({ flow, models, viewingVersion }: Omit<FlowEditorProps, "document">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const saving = useFlowSave(flow.id, flow.version.version);
  // Opened on a run (a reload mid-run, a shared link): show that run first.
  const [panel, setPanel] = useState<SidePanelTab>(() => (new URLSearchParams(window.location.search).has("run") ? "run" : "inspect"));
  const old = viewingVersion !== undefined && viewingVersion < flow.latestVersion;
  const readOnly: ReadOnly | undefined = flow.role === "viewer" ? { kind: "viewer" } : old ? { kind: "old-version", version: flow.version.version } : undefined;

  const reload = useCallback(() => {
    // Dropping the cached versions makes the page fetch the newest and open a fresh editor on it.
    void queryClient.resetQueries({ queryKey: trpc.flows.byId.queryKey({ id: flow.id }) });
    navigate(`/flows/${flow.id}`, { replace: true });
  }, [queryClient, trpc, flow.id, navigate]);

  // Rebuilt when the session re-renders: on save, dirty flips, panel switches and refreshed flow data, never per frame.
  const session: FlowSession = {
    flowId: flow.id,
    workspaceId: flow.workspaceId,
    role: flow.role,
    readOnly,
    latestVersion: flow.latestVersion,
    ...saving,
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
