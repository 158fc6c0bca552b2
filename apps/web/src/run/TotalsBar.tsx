import { stringifyValue } from "@switchyard/core";
import { useRun } from "./run-context";
import { formatMs, formatTokens, formatUsd } from "../util/format";

/** Run totals along the bottom of the canvas: status, elapsed, tokens, cost and outputs. */
export function TotalsBar({ onClear }: { onClear: () => void }) {
  const view = useRun((s) => s.view);
  if (!view || view.status === "idle") return null;
  const nodes = Object.values(view.nodes);
  const finished = nodes.filter((n) => n.status === "done" || n.status === "failed" || n.status === "skipped" || n.status === "fell-back").length;
  const outputs = Object.entries(view.outputs ?? {});
  return (
    <section className={`sy-totals sy-totals--${view.status}`} aria-label="Run totals" aria-live="polite">
      <span className={`sy-pill sy-pill--run-${view.status}`}>{view.status === "running" ? "running" : `run ${view.status}`}</span>
      <span className="sy-totals__item" title="Elapsed">
        {formatMs(view.totals.elapsedMs)}
      </span>
      <span className="sy-totals__item" title="Tokens">
        {formatTokens(view.totals.tokens)}
      </span>
      <span className="sy-totals__item" title="Cost">
        {formatUsd(view.totals.costUsd)}
      </span>
      <span className="sy-totals__item" title="Nodes finished">
        {finished}/{nodes.length} nodes
      </span>
      {view.error && <span className="sy-totals__error">{view.error.message}</span>}
      {outputs.length > 0 && (
        <span className="sy-totals__outputs" title={outputs.map(([k, v]) => `${k}: ${stringifyValue(v)}`).join("\n")}>
          {outputs.map(([k, v]) => (
            <span key={k}>
              <strong>{k}</strong>: {stringifyValue(v)}
            </span>
          ))}
        </span>
      )}
      <button type="button" className="sy-button sy-button--small sy-totals__clear" onClick={onClear} aria-label="Clear run results from the canvas">
        Clear run
      </button>
    </section>
  );
}
