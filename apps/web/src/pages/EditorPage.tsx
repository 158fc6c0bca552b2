import { useEffect, useRef } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import { EditorProvider, useEditorApi } from "../editor/editor-context";
import { RunProvider } from "../run/run-context";
import { modelChecker, SAMPLE_MODELS } from "../catalog/models";
import { FlowCanvas } from "../canvas/FlowCanvas";
import { Palette } from "../canvas/Palette";
import { useAddNodeInView } from "../canvas/use-add-node-in-view";
import { Inspector } from "../inspector/Inspector";
import { TotalsBar } from "../run/TotalsBar";
import { useSampleReplay } from "../run/use-sample-replay";
import { templateByKey } from "../templates/templates";
import { Toolbar } from "./Toolbar";
import { EmptyCanvasHint } from "./EmptyCanvasHint";

const EDITOR_OPTIONS = { checkModel: modelChecker(SAMPLE_MODELS) };

/** The editor with live-run view; until the API exists, flows come from templates and files, runs from recordings. */
export function EditorPage() {
  return (
    <EditorProvider options={EDITOR_OPTIONS}>
      <RunProvider>
        <ReactFlowProvider>
          <EditorLayout />
        </ReactFlowProvider>
      </RunProvider>
    </EditorProvider>
  );
}

function EditorLayout() {
  const addInView = useAddNodeInView();
  const replay = useSampleReplay();
  useTemplateFromUrl();
  return (
    <div className="sy-app">
      <Toolbar replay={replay} />
      <div className="sy-main">
        <Palette onAdd={addInView} />
        <main className="sy-stage">
          <FlowCanvas />
          <EmptyCanvasHint />
          <TotalsBar onClear={replay.clear} />
        </main>
        <Inspector models={SAMPLE_MODELS} />
      </div>
    </div>
  );
}

/** `?template=cascade` opens that template, so a link (or an e2e test) can land on a ready flow. */
function useTemplateFromUrl() {
  const store = useEditorApi();
  // StrictMode runs effects twice in development; open the template once.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    const key = new URLSearchParams(window.location.search).get("template");
    const doc = key ? templateByKey(key) : undefined;
    if (doc) void store.getState().loadDocument(doc);
  }, [store]);
}
