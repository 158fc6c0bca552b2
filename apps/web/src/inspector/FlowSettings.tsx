import { useEditor, useEditorApi } from "../editor/editor-context";
import { FlowInputsField } from "./FlowInputsField";
import { ProblemList } from "./ProblemList";

/** Shown when nothing is selected: the flow's name, inputs and budget, and every problem in it. */
export function FlowSettings() {
  const store = useEditorApi();
  const meta = useEditor((s) => s.meta);
  const problems = useEditor((s) => s.problems);
  const setMeta = store.getState().setMeta;
  const settings = meta.settings ?? {};
  const setSetting = (key: "budgetUsd" | "maxConcurrency", value: number | undefined) => {
    const { [key]: _old, ...rest } = settings;
    const next = value === undefined || Number.isNaN(value) ? rest : { ...rest, [key]: value };
    setMeta(Object.keys(next).length ? { settings: next } : { settings: undefined }, `meta:settings.${key}`);
  };
  return (
    <div className="sy-inspector__body">
      <header className="sy-inspector__header">
        <span className="sy-inspector__icon" aria-hidden="true">
          ⚙
        </span>
        <div>
          <h2 className="sy-inspector__title">Flow settings</h2>
          <p className="sy-inspector__description">Select a node or edge to edit it.</p>
        </div>
      </header>
      <div className="sy-field">
        <label htmlFor="flow-name" className="sy-field__label">
          Name
          <span className="sy-required">
            <span aria-hidden="true">*</span>
            <span className="sr-only"> (required)</span>
          </span>
        </label>
        <input id="flow-name" className="sy-input" value={meta.name} onChange={(e) => setMeta({ name: e.target.value }, "meta:name")} />
      </div>
      <div className="sy-field">
        <label htmlFor="flow-description" className="sy-field__label">
          Description
        </label>
        <textarea
          id="flow-description"
          className="sy-input"
          rows={3}
          value={meta.description ?? ""}
          onChange={(e) => setMeta({ description: e.target.value || undefined }, "meta:description")}
        />
      </div>
      <FlowInputsField inputs={meta.inputs} onChange={(inputs, leaf) => setMeta({ inputs }, `meta:${leaf}`)} />
      <div className="sy-field-row">
        <div className="sy-field">
          <label htmlFor="flow-budget" className="sy-field__label">
            Budget (USD)
          </label>
          <input
            id="flow-budget"
            className="sy-input"
            type="number"
            min={0}
            step="any"
            placeholder="no limit"
            value={settings.budgetUsd ?? ""}
            onChange={(e) => setSetting("budgetUsd", e.target.value === "" ? undefined : e.target.valueAsNumber)}
          />
        </div>
        <div className="sy-field">
          <label htmlFor="flow-concurrency" className="sy-field__label">
            Max concurrent calls
          </label>
          <input
            id="flow-concurrency"
            className="sy-input"
            type="number"
            min={1}
            step={1}
            placeholder="unlimited"
            value={settings.maxConcurrency ?? ""}
            onChange={(e) => setSetting("maxConcurrency", e.target.value === "" ? undefined : e.target.valueAsNumber)}
          />
        </div>
      </div>
      <section aria-label="All problems" className="sy-inspector__section">
        <h3 className="sy-inspector__subtitle">
          Problems <span className="sy-count">{plural(problems.errors, "error")} · {plural(problems.warnings, "warning")}</span>
        </h3>
        {problems.all.length === 0 ? <p className="sy-muted">The flow is valid.</p> : <ProblemList problems={problems.all} navigate />}
      </section>
    </div>
  );
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
