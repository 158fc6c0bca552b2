import { useEffect, useId, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Link, useSearchParams } from "wouter";
import { useTRPC } from "../../api/trpc";
import { isNoAccess } from "../../api/errors";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useEditor } from "../../editor/editor-context";
import { useRun } from "../../run/run-context";
import { formatUsd } from "../../util/format";
import { useFlowSession } from "./flow-session";
import { runBlocker } from "./run-blockers";
import { coerceRunInputs, formValuesFromRun, parseBudget, parseSeed, type InputFormValues } from "./run-inputs";
import { RunInputsForm } from "./RunInputsForm";
import { RunProgress, type StreamState } from "./RunProgress";

interface RunPanelProps {
  runId: string | null;
  stream: StreamState;
  onClearRun: () => void;
}

/** Start a run of the saved flow with typed inputs, a seed and a budget; follow and cancel it. */
export function RunPanel({ runId, stream, onClearRun }: RunPanelProps) {
  const trpc = useTRPC();
  const session = useFlowSession();
  const [, setParams] = useSearchParams();
  const inputs = useEditor((s) => s.meta.inputs);
  const flowBudget = useEditor((s) => s.meta.settings?.budgetUsd);
  const errorCount = useEditor((s) => s.problems.errors);
  const status = useRun((s) => s.view?.status);
  const [values, setValues] = useState<InputFormValues>({});
  const [seed, setSeed] = useState("");
  const [budget, setBudget] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const reasonId = useId();
  const runInputs = useRun((s) => s.view?.inputs);

  // A run opened from the URL (a reload mid-run) shows the inputs it was started with.
  useEffect(() => {
    if (runInputs) setValues(formValuesFromRun(inputs, runInputs));
    // Only when the followed run's inputs arrive, not on every edit of the declared inputs.
  }, [runInputs]);

  const running = runId !== null && (status === undefined || status === "idle" || status === "running") && stream.status !== "error";
  const blocker = runBlocker({ role: session.role, accessLost: session.accessLost, errors: errorCount, dirty: session.dirty, running });
  const viewingOld = session.readOnly?.kind === "old-version" ? session.readOnly.version : undefined;

  const start = useMutation(
    trpc.runs.start.mutationOptions({
      onError: (error) => isNoAccess(error) && session.checkAccess(),
      onSuccess: ({ runId: started }) =>
        setParams(
          (prev) => {
            const next = new URLSearchParams(prev);
            next.set("run", started);
            return next;
          },
          { replace: true },
        ),
    }),
  );
  const cancel = useMutation(trpc.runs.cancel.mutationOptions());

  /** Checks the form; the inputs, seed and budget to send, or undefined with the problems shown. */
  const readForm = () => {
    const coerced = coerceRunInputs(inputs, values);
    const seedValue = parseSeed(seed);
    const budgetValue = parseBudget(budget);
    const errors = {
      ...(coerced.ok ? {} : coerced.errors),
      ...(seedValue.ok ? {} : { "run-seed": seedValue.error }),
      ...(budgetValue.ok ? {} : { "run-budget": budgetValue.error }),
    };
    setFieldErrors(errors);
    if (!coerced.ok || !seedValue.ok || !budgetValue.ok) return undefined;
    return {
      inputs: coerced.values,
      ...(seedValue.value !== undefined ? { seed: seedValue.value } : {}),
      ...(budgetValue.value !== undefined ? { budgetUsd: budgetValue.value } : {}),
    };
  };

  const onRun = async (event: FormEvent, saveFirst = false) => {
    event.preventDefault();
    const request = readForm();
    if (!request) return;
    cancel.reset();
    let version = viewingOld;
    if (saveFirst) {
      version = await session.save();
      if (version === undefined) return;
    }
    start.mutate({ flowId: session.flowId, ...request, ...(version !== undefined ? { version } : {}) });
  };

  const formDisabled = session.role === "viewer" || session.accessLost || running;
  return (
    <form className="sy-inspector__body sy-run-panel" onSubmit={(e) => void onRun(e)} aria-labelledby="run-panel-title" noValidate>
      <header className="sy-run-panel__head">
        <h2 className="sy-inspector__title" id="run-panel-title">
          Run {viewingOld !== undefined ? `version ${viewingOld}` : "this flow"}
        </h2>
        <Link href={`/flows/${session.flowId}/runs`}>Run history</Link>
      </header>
      <fieldset className="sy-group" disabled={formDisabled}>
        <legend className="sy-group__summary">Inputs</legend>
        <RunInputsForm
          inputs={inputs}
          values={values}
          errors={fieldErrors}
          disabled={formDisabled}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        />
      </fieldset>
      <div className="sy-field-row">
        <OptionalNumber
          id="run-seed"
          label="Seed"
          placeholder="random"
          help="Optional. Same seed, same simulated replies."
          value={seed}
          onChange={setSeed}
          error={fieldErrors["run-seed"]}
          disabled={formDisabled}
        />
        <OptionalNumber
          id="run-budget"
          label="Run budget (USD)"
          placeholder={flowBudget !== undefined ? `flow's: ${formatUsd(flowBudget)}` : "no limit"}
          help="Optional. Stops before a call would exceed it."
          value={budget}
          onChange={setBudget}
          error={fieldErrors["run-budget"]}
          disabled={formDisabled}
        />
      </div>
      <div className="sy-run-panel__actions">
        {running ? (
          <button
            type="button"
            className="sy-button sy-button--danger"
            disabled={cancel.isPending || cancel.isSuccess || !runId}
            onClick={() => runId && cancel.mutate({ runId })}
          >
            {cancel.isPending || cancel.isSuccess ? "Cancelling…" : "Cancel run"}
          </button>
        ) : blocker?.saveFirst ? (
          <button type="button" className="sy-button sy-button--primary" disabled={start.isPending || session.saveState.saving} onClick={(e) => void onRun(e, true)}>
            {session.saveState.saving ? "Saving…" : "Save and run"}
          </button>
        ) : (
          <button
            type="submit"
            className="sy-button sy-button--primary"
            disabled={blocker !== undefined || start.isPending}
            aria-describedby={blocker ? reasonId : undefined}
          >
            {start.isPending ? "Starting…" : "▶ Run"}
          </button>
        )}
        {blocker && (
          <p id={reasonId} className="sy-run-panel__reason">
            {blocker.reason}
          </p>
        )}
      </div>
      {start.error && <ErrorMessage title="The run didn't start" error={start.error} />}
      {cancel.error && <ErrorMessage title="Couldn't cancel" error={cancel.error} />}
      {runId && <RunProgress runId={runId} stream={stream} accessLost={session.accessLost} onClear={onClearRun} />}
    </form>
  );
}

interface OptionalNumberProps {
  id: string;
  label: string;
  placeholder: string;
  help: string;
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
}

function OptionalNumber({ id, label, placeholder, help, value, error, disabled, onChange }: OptionalNumberProps) {
  return (
    <div className={`sy-field${error ? " has-error" : ""}`}>
      <label htmlFor={id} className="sy-field__label">
        {label}
      </label>
      <input
        id={id}
        className="sy-input"
        inputMode="decimal"
        placeholder={placeholder}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-help`} className="sy-field__help">
        {help}
      </p>
      {error && (
        <p id={`${id}-error`} className="sy-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
