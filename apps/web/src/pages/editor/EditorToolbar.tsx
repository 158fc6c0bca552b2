import { useRef, useState, type ChangeEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { useTRPC } from "../../api/trpc";
import { errorMessage } from "../../api/errors";
import { useEditor, useEditorApi } from "../../editor/editor-context";
import { parseFlowFile } from "../../editor/flow-file";
import { downloadText, fileNameFor } from "../../util/download";
import { useFlowSession } from "./flow-session";
import { useEditorMessage } from "./editor-message";
import { SaveStatus } from "./SaveStatus";
import { EditorAccessActions } from "./EditorAccessActions";

/** Flow name and problems, save, file and edit commands, and the way to the run history. */
export function EditorToolbar() {
  const store = useEditorApi();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useFlowSession();
  const readOnly = session.readOnly !== undefined;
  const name = useEditor((s) => s.meta.name);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const errors = useEditor((s) => s.problems.errors);
  const warnings = useEditor((s) => s.problems.warnings);
  const { show } = useEditorMessage();
  const [exporting, setExporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const saveDisabled = readOnly || session.saveState.saving || !session.dirty;

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const parsed = parseFlowFile(await file.text());
    if (!parsed.ok) return show({ kind: "error", text: `${file.name} can't be imported: ${parsed.message}.` });
    await store.getState().loadDocument(parsed.document);
    show({
      kind: "info",
      text: `Imported ${file.name}${parsed.migratedFrom ? ` (upgraded from ${parsed.migratedFrom})` : ""}. Review it, then Save to keep it as a new version (Ctrl+Z undoes the import).`,
    });
  };

  // The server's copy of the version on screen, so what you download is exactly what runs.
  const onExport = async () => {
    setExporting(true);
    try {
      const version = session.readOnly?.kind === "old-version" ? session.readOnly.version : session.baseVersion;
      const document = await queryClient.fetchQuery(trpc.flows.export.queryOptions({ id: session.flowId, version }));
      downloadText(fileNameFor(name), `${JSON.stringify(document, null, 2)}\n`);
      if (session.dirty) show({ kind: "info", text: `Exported saved version ${version}; your unsaved changes are not in the file.` });
    } catch (error) {
      show({ kind: "error", text: `Export failed: ${errorMessage(error)}` });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="sy-toolbar" role="toolbar" aria-label="Flow">
      <button
        type="button"
        className="sy-toolbar__flow"
        onClick={() => {
          store.getState().select({});
          session.setPanel("inspect");
        }}
        title="Flow settings: name, inputs, budget and every problem"
      >
        <span className="sy-toolbar__name">{name}</span>
        {(errors > 0 || warnings > 0) && (
          <span className={`sy-count-badge${errors ? " is-error" : " is-warning"}`} aria-label={`${errors} errors, ${warnings} warnings`}>
            {errors || warnings}
          </span>
        )}
      </button>
      <SaveStatus />
      <button
        type="button"
        className="sy-button sy-button--primary"
        disabled={saveDisabled}
        onClick={() => void session.save()}
        title={readOnly ? "This flow is read-only here (see the banner below)" : session.dirty ? "Save as a new version (Ctrl+S)" : "No unsaved changes"}
        aria-keyshortcuts="Control+S Meta+S"
      >
        {session.saveState.saving ? "Saving…" : "Save"}
      </button>
      <div className="sy-toolbar__group" role="group" aria-label="File">
        <button
          type="button"
          className="sy-button"
          disabled={readOnly}
          onClick={() => fileInput.current?.click()}
          title="Replace this flow's canvas with a flow file (undoable; Save to keep it)"
        >
          Import
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(e) => void onImport(e)} aria-label="Flow file to import into this flow" />
        <button type="button" className="sy-button" disabled={exporting} onClick={() => void onExport()} title="Download this version as switchyard.flow/v1 JSON">
          {exporting ? "Exporting…" : "Export JSON"}
        </button>
      </div>
      <div className="sy-toolbar__group" role="group" aria-label="Edit">
        <button type="button" className="sy-icon-button" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={readOnly || !canUndo} onClick={() => store.getState().undo()}>
          ↶
        </button>
        <button
          type="button"
          className="sy-icon-button"
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z)"
          disabled={readOnly || !canRedo}
          onClick={() => store.getState().redo()}
        >
          ↷
        </button>
        <button type="button" className="sy-button" title="Auto-layout (L)" disabled={readOnly} onClick={() => void store.getState().autoLayout()}>
          Auto-layout
        </button>
      </div>
      <div className="sy-toolbar__group sy-toolbar__end">
        <EditorAccessActions />
        <Link href={`/flows/${session.flowId}/runs`} className="sy-button">
          Run history
        </Link>
        <button type="button" className="sy-button sy-button--run" onClick={() => session.setPanel("run")}>
          ▶ Run…
        </button>
      </div>
    </div>
  );
}
