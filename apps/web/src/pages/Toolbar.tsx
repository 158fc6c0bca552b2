import { useRef, useState, type ChangeEvent } from "react";
import type { FlowDocument } from "@switchyard/core";
import { useEditor, useEditorApi } from "../editor/editor-context";
import { parseFlowFile, serializeFlow } from "../editor/flow-file";
import { FLOW_TEMPLATES, templateByKey } from "../templates/templates";
import { sampleRunFor } from "../run/fixtures";
import { downloadText, fileNameFor } from "../util/download";
import { emptyFlow } from "./empty-flow";

const SPEEDS = [0.1, 0.25, 0.5, 1, 2];

interface ToolbarProps {
  replay: { start: (speed: number) => boolean; playing: boolean };
}

/** File and edit commands, templates and the sample-run replay. */
export function Toolbar({ replay }: ToolbarProps) {
  const store = useEditorApi();
  const name = useEditor((s) => s.meta.name);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const errors = useEditor((s) => s.problems.errors);
  const warnings = useEditor((s) => s.problems.warnings);
  const [message, setMessage] = useState<{ kind: "error" | "info"; text: string }>();
  const [speed, setSpeed] = useState(1);
  const fileInput = useRef<HTMLInputElement>(null);
  const hasSample = sampleRunFor(name) !== undefined;

  const load = (doc: FlowDocument, note?: string) => {
    void store.getState().loadDocument(doc);
    setMessage(note ? { kind: "info", text: note } : undefined);
  };

  const onTemplate = (event: ChangeEvent<HTMLSelectElement>) => {
    const doc = templateByKey(event.target.value);
    event.target.value = "";
    if (doc) load(doc);
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const parsed = parseFlowFile(await file.text());
    if (!parsed.ok) return setMessage({ kind: "error", text: `${file.name}: ${parsed.message}` });
    load(parsed.document, parsed.migratedFrom ? `Upgraded from ${parsed.migratedFrom}` : undefined);
  };

  return (
    <header className="sy-toolbar">
      <div className="sy-toolbar__brand">
        <span className="sy-logo" aria-hidden="true">
          ⇶
        </span>
        Switchyard
      </div>
      <button type="button" className="sy-toolbar__flow" onClick={() => store.getState().select({})} title="Flow settings">
        <span className="sy-toolbar__name">{name}</span>
        {(errors > 0 || warnings > 0) && (
          <span className={`sy-count-badge${errors ? " is-error" : " is-warning"}`} aria-label={`${errors} errors, ${warnings} warnings`}>
            {errors || warnings}
          </span>
        )}
      </button>
      <div className="sy-toolbar__group" role="group" aria-label="File">
        <button type="button" className="sy-button" onClick={() => load(emptyFlow())}>
          New
        </button>
        <select className="sy-button sy-select" aria-label="New from template" defaultValue="" onChange={onTemplate}>
          <option value="" disabled>
            New from template…
          </option>
          {FLOW_TEMPLATES.map((t) => (
            <option key={t.key} value={t.key}>
              {t.document.name}
            </option>
          ))}
        </select>
        <button type="button" className="sy-button" onClick={() => fileInput.current?.click()}>
          Import
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(e) => void onImport(e)} aria-label="Import flow file" />
        <button type="button" className="sy-button" onClick={() => downloadText(fileNameFor(name), serializeFlow(store.getState().toDocument()))}>
          Export
        </button>
      </div>
      <div className="sy-toolbar__group" role="group" aria-label="Edit">
        <button type="button" className="sy-icon-button" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={() => store.getState().undo()}>
          ↶
        </button>
        <button type="button" className="sy-icon-button" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!canRedo} onClick={() => store.getState().redo()}>
          ↷
        </button>
        <button type="button" className="sy-button" title="Auto-layout (L)" onClick={() => void store.getState().autoLayout()}>
          Auto-layout
        </button>
      </div>
      {message && (
        <p className={`sy-toolbar__message sy-toolbar__message--${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
          <button type="button" className="sy-icon-button" aria-label="Dismiss" onClick={() => setMessage(undefined)}>
            ×
          </button>
        </p>
      )}
      <div className="sy-toolbar__group sy-toolbar__run" role="group" aria-label="Run">
        <select className="sy-button sy-select" aria-label="Replay speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
        <button
          type="button"
          className="sy-button sy-button--primary"
          disabled={!hasSample}
          title={hasSample ? "Replay a recorded run of this flow on the canvas" : "Recorded runs exist for the templates; open one to replay it"}
          onClick={() => replay.start(speed)}
        >
          {replay.playing ? "Replaying…" : "▶ Replay sample run"}
        </button>
      </div>
    </header>
  );
}
