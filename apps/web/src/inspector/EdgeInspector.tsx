import type { FallbackTrigger, ValidationProblem } from "@switchyard/core";
import { useEditor, useEditorApi } from "../editor/editor-context";
import { HANDLE, type EditorEdge } from "../editor/editor-types";
import type { GraphSlice } from "../editor/editor-state";
import { ProblemList } from "./ProblemList";

const TRIGGERS: { value: FallbackTrigger; label: string }[] = [
  { value: "error", label: "Error (after retries)" },
  { value: "timeout", label: "Timeout" },
  { value: "low_confidence", label: "Low confidence" },
];

const NONE: ValidationProblem[] = [];

/** The selected edge: its kind, and for fallback edges what triggers them. */
export function EdgeInspector({ edge }: { edge: EditorEdge }) {
  const store = useEditorApi();
  const problems = useEditor((s) => s.problems.byEdge[edge.id]) ?? NONE;
  const kind = edge.type ?? "data";
  const on = edge.data?.on ?? ["error", "timeout"];
  const update = (patch: Parameters<GraphSlice["updateEdge"]>[1]) => store.getState().updateEdge(edge.id, patch);
  const toggle = (trigger: FallbackTrigger, checked: boolean) => {
    const next = checked ? [...on, trigger] : on.filter((t) => t !== trigger);
    // Core needs at least one trigger; an empty list would make the edge invalid, so keep the last one.
    if (next.length > 0) update({ data: { ...edge.data, on: next } });
  };
  const port = edge.sourceHandle && edge.sourceHandle !== HANDLE.out && edge.sourceHandle !== HANDLE.fallback ? `.${edge.sourceHandle}` : "";
  return (
    <div className="sy-inspector__body">
      <header className="sy-inspector__header">
        <span className={`sy-inspector__icon${kind === "fallback" ? " is-warm" : ""}`} aria-hidden="true">
          {kind === "fallback" ? "⤳" : "→"}
        </span>
        <div>
          <h2 className="sy-inspector__title">{kind === "fallback" ? "Fallback edge" : "Data edge"}</h2>
          <p className="sy-inspector__description sy-mono">
            {edge.source}
            {port} → {edge.target}
          </p>
        </div>
      </header>
      <ProblemList problems={problems} />
      <div className="sy-field">
        <label htmlFor="edge-kind" className="sy-field__label">
          Kind
        </label>
        <select id="edge-kind" className="sy-input" value={kind} onChange={(e) => update({ kind: e.target.value === "fallback" ? "fallback" : "data" })}>
          <option value="data">data — carries the source's value</option>
          <option value="fallback">fallback — taken when the source fails</option>
        </select>
      </div>
      {kind === "fallback" && (
        <fieldset className="sy-group">
          <legend className="sy-group__summary">Taken on</legend>
          {TRIGGERS.map((t) => (
            <div key={t.value} className="sy-field sy-field--inline">
              <input id={`edge-on-${t.value}`} type="checkbox" checked={on.includes(t.value)} onChange={(e) => toggle(t.value, e.target.checked)} />
              <label htmlFor={`edge-on-${t.value}`}>{t.label}</label>
            </div>
          ))}
          {on.includes("low_confidence") && (
            <div className="sy-field">
              <label htmlFor="edge-threshold" className="sy-field__label">
                Confidence threshold
              </label>
              <input
                id="edge-threshold"
                className="sy-input"
                type="number"
                min={0}
                max={1}
                step={0.05}
                value={edge.data?.threshold ?? ""}
                onChange={(e) => {
                  const { threshold: _old, ...rest } = edge.data ?? {};
                  update({ data: e.target.value === "" ? rest : { ...rest, threshold: e.target.valueAsNumber } });
                }}
              />
              <p className="sy-field__help">Taken when the source answers with confidence below this.</p>
            </div>
          )}
        </fieldset>
      )}
      <div className="sy-inspector__actions">
        <button type="button" className="sy-button sy-button--danger" onClick={() => store.getState().deleteSelection()}>
          Delete edge
        </button>
      </div>
    </div>
  );
}
