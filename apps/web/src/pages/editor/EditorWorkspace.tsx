import { useCallback, useEffect } from "react";
import { useSearchParams } from "wouter";
import type { ModelGroup } from "../../catalog/models";
import { FlowCanvas } from "../../canvas/FlowCanvas";
import { Palette } from "../../canvas/Palette";
import { useAddNodeInView } from "../../canvas/use-add-node-in-view";
import { Inspector } from "../../inspector/Inspector";
import { useRunApi } from "../../run/run-context";
import { TotalsBar } from "../../run/TotalsBar";
import { useFlowSession } from "./flow-session";
import { EditorToolbar } from "./EditorToolbar";
import { EditorNotices } from "./EditorNotices";
import { EditorMessageProvider } from "./editor-message";
import { EmptyCanvasHint } from "./EmptyCanvasHint";
import { RunPanel } from "./RunPanel";
import { SidePanel } from "./SidePanel";
import { VersionsPanel } from "./VersionsPanel";
import { useLiveRun } from "./use-live-run";
import { setLeaveGuard } from "../../app/leave-guard";
import { isNoAccess } from "../../api/errors";

/** The editor's layout: toolbar, notices, palette | canvas | side panel; and the run in the URL, followed live. */
export function EditorWorkspace({ models }: { models: ModelGroup[] }) {
  const session = useFlowSession();
  const readOnly = session.readOnly !== undefined;
  const addInView = useAddNodeInView();
  const runs = useRunApi();
  const [params, setParams] = useSearchParams();
  const runId = params.get("run");
  const stream = useLiveRun(runId);
  // The server ends a live run's stream with "not found" once you lose access: check the flow at once.
  const { checkAccess } = session;
  useEffect(() => {
    if (isNoAccess(stream.error)) checkAccess();
  }, [stream.error, checkAccess]);
  useSaveShortcut();
  useWarnBeforeLeaving(session.dirty);

  const clearRun = useCallback(() => {
    runs.getState().clear();
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete("run");
        return next;
      },
      { replace: true },
    );
  }, [runs, setParams]);

  return (
    <EditorMessageProvider>
      <div className="sy-editor">
        <EditorToolbar />
        <EditorNotices />
        <div className="sy-main">
          <Palette onAdd={addInView} readOnly={readOnly} />
          <main className="sy-stage" id="content" aria-label="Flow canvas area">
            <FlowCanvas readOnly={readOnly} />
            <EmptyCanvasHint />
            <TotalsBar onClear={clearRun} />
          </main>
          <SidePanel
            inspector={<Inspector models={models} readOnly={readOnly} />}
            run={<RunPanel runId={runId} stream={stream} onClearRun={clearRun} />}
            versions={<VersionsPanel />}
          />
        </div>
      </div>
    </EditorMessageProvider>
  );
}

/** Ctrl+S / Cmd+S saves (and never opens the browser's "save page" dialog here). */
function useSaveShortcut() {
  const { save, readOnly, saveState } = useFlowSession();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      if (!readOnly && !saveState.saving) void save();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [save, readOnly, saveState.saving]);
}

/** Leaving for another page, closing or reloading the tab with unsaved changes asks first. */
function useWarnBeforeLeaving(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    setLeaveGuard("This flow has unsaved changes. Leave without saving them?");
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      setLeaveGuard(undefined);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [dirty]);
}
