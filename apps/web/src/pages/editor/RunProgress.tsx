import { Link } from "wouter";
import { stringifyValue } from "@switchyard/core";
import { errorMessage, isNoAccess } from "../../api/errors";
import { useRun } from "../../run/run-context";
import { formatMs, formatTokens, formatUsd } from "../../util/format";

/** The part of the live subscription the panel shows. */
export interface StreamState {
  status: "idle" | "connecting" | "pending" | "error";
  error: unknown;
  reset: () => void;
}

const STATUS_TEXT = { idle: "starting", running: "running", completed: "completed", failed: "failed", cancelled: "cancelled" } as const;

/** The followed run: how it is going, what it produced, and where to inspect it. */
export function RunProgress({ runId, stream, accessLost, onClear }: { runId: string; stream: StreamState; accessLost: boolean; onClear: () => void }) {
  const view = useRun((s) => s.view);
  const status = view?.status ?? "idle";
  const finished = status === "completed" || status === "failed" || status === "cancelled";
  const outputs = Object.entries(view?.outputs ?? {});
  // Once the server ends the stream for lost access, the last status seen is no longer news.
  const cutOff = accessLost || (stream.status === "error" && isNoAccess(stream.error));
  return (
    <section className="sy-inspector__section sy-run-progress" aria-label="Current run" aria-live="polite">
      <h3 className="sy-inspector__subtitle">
        <span>
          Run <code title={runId}>{runId.slice(-8)}</code>
        </span>
        {cutOff ? <span className="sy-pill">not followed</span> : <span className={`sy-pill sy-pill--run-${status === "idle" ? "running" : status}`}>{STATUS_TEXT[status]}</span>}
      </h3>
      {cutOff ? (
        <div className="sy-error" role="alert">
          <span>
            {accessLost ? "You no longer have access to this flow" : "You can't follow this run (any more)"}: updates to this run have stopped. What you see is where it was.
          </span>
        </div>
      ) : stream.status === "error" ? (
        <div className="sy-error" role="alert">
          <span>Can't follow this run: {errorMessage(stream.error)}</span>
          <button type="button" className="sy-button sy-button--small" onClick={stream.reset}>
            Retry
          </button>
        </div>
      ) : stream.status === "connecting" && stream.error !== null && stream.error !== undefined && !finished ? (
        <p className="sy-muted" role="status">
          Connection lost; reconnecting and resuming from the last event…
        </p>
      ) : null}
      {view && status !== "idle" && (
        <dl className="sy-kv">
          <div>
            <dt>elapsed</dt>
            <dd>{formatMs(view.totals.elapsedMs)}</dd>
          </div>
          <div>
            <dt>cost</dt>
            <dd>{formatUsd(view.totals.costUsd)}</dd>
          </div>
          <div>
            <dt>tokens</dt>
            <dd>{formatTokens(view.totals.tokens)}</dd>
          </div>
          {view.error && (
            <div>
              <dt>error</dt>
              <dd className="sy-text-danger">{view.error.message}</dd>
            </div>
          )}
          {view.reason && (
            <div>
              <dt>reason</dt>
              <dd>{view.reason}</dd>
            </div>
          )}
        </dl>
      )}
      {outputs.length > 0 && (
        <div className="sy-run-outputs">
          <h4 className="sy-run-outputs__title">Outputs</h4>
          {outputs.map(([name, value]) => (
            <div key={name} className="sy-run-outputs__item">
              <span className="sy-run-outputs__name">{name}</span>
              <pre className="sy-output">{stringifyValue(value)}</pre>
            </div>
          ))}
        </div>
      )}
      <div className="sy-row">
        {finished && (
          <Link href={`/runs/${runId}`} className="sy-button sy-button--small">
            Open run details
          </Link>
        )}
        {finished && (
          <button type="button" className="sy-button sy-button--small" onClick={onClear}>
            Clear from canvas
          </button>
        )}
      </div>
    </section>
  );
}
