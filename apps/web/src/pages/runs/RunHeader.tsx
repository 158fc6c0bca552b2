import { Link } from "wouter";
import type { RunError } from "@switchyard/core";
import type { RunView } from "../../run/run-view";
import { formatMs, formatUsd } from "../../util/format";
import { isRecord } from "../../util/records";
import { RunStatusPill } from "../../inspect/RunStatusPill";
import { formatAgo, formatTimestamp, shortId } from "../../inspect/inspect-format";
import type { RunRecord } from "./run-types";

interface RunHeaderProps {
  run: RunRecord;
  view: RunView;
  flowName: string | undefined;
  live: boolean;
  reconnecting: boolean;
  onSelectNode: (nodeId: string) => void;
}

/** Who ran what, how it ended, and what it cost; a failed run names the node that failed. */
export function RunHeader({
  run,
  view,
  flowName,
  live,
  reconnecting,
  onSelectNode,
}: RunHeaderProps) {
  const hasEvents = view.lastSeq > 0;
  const status = hasEvents && view.status !== "idle" ? view.status : run.status;
  const totals = hasEvents
    ? view.totals
    : {
        costUsd: run.costUsd,
        tokens: { input: run.inputTokens, output: run.outputTokens },
        elapsedMs: run.latencyMs ?? 0,
      };
  const error = view.error ?? runErrorOf(run.error);
  const startedBy =
    run.createdBy?.name ??
    (run.apiKey
      ? `API key “${run.apiKey.name}” (${run.apiKey.prefix}…)`
      : run.apiKeyId
        ? "an API key"
        : "someone");
  return (
    <header className="sy-rd__header">
      <nav className="sy-runs-crumbs" aria-label="Breadcrumb">
        <Link href={`/flows/${run.flowId}/runs`}>← Runs of {flowName ?? "this flow"}</Link>
      </nav>
      <div className="sy-rd__titlebar">
        <h1 className="sy-rd__title">
          {flowName ?? "Run"} <span className="sy-rd__runid sy-mono">run {shortId(run.id)}</span>
        </h1>
        <RunStatusPill status={status} />
        {live && <span className="sy-runs-live">{reconnecting ? "reconnecting…" : "live"}</span>}
        <dl className="sy-rd__totals">
          <div>
            <dt>cost</dt>
            <dd>{formatUsd(totals.costUsd)}</dd>
          </div>
          <div>
            <dt>tokens in / out</dt>
            <dd>
              {totals.tokens.input.toLocaleString("en-US")} /{" "}
              {totals.tokens.output.toLocaleString("en-US")}
            </dd>
          </div>
          <div>
            <dt>{live ? "elapsed" : "latency"}</dt>
            <dd>{formatMs(totals.elapsedMs)}</dd>
          </div>
        </dl>
      </div>
      <p className="sy-rd__meta">
        <span>
          started by <strong>{startedBy}</strong>
        </span>
        <span title={formatTimestamp(run.startedAt ?? run.createdAt)}>
          {formatAgo(run.startedAt ?? run.createdAt)}
        </span>
        <span>version {run.flowVersion.version}</span>
        <span>seed {run.seed}</span>
        {run.budgetUsd !== null && <span>budget {formatUsd(run.budgetUsd)}</span>}
        {run.attempts > 1 && (
          <span title="A worker stopped mid-run and another resumed it without re-calling finished nodes">
            resumed {run.attempts - 1}×
          </span>
        )}
        <span className="sy-mono sy-rd__fullid" title="Run id">
          {run.id}
        </span>
      </p>
      {error && (status === "failed" || status === "cancelled") && (
        <div className="sy-runs__error" role="alert">
          <strong>{status === "failed" ? "Run failed" : "Run cancelled"}</strong>
          {error.nodeId ? (
            <>
              {" "}
              at node{" "}
              <button
                type="button"
                className="sy-runs-link"
                onClick={() => onSelectNode(error.nodeId ?? "")}
              >
                {error.nodeId}
              </button>
            </>
          ) : null}
          : {error.message}
        </div>
      )}
      {!error && status === "cancelled" && view.reason && (
        <div className="sy-runs__error">Run cancelled: {view.reason}</div>
      )}
    </header>
  );
}

function runErrorOf(value: unknown): RunError | undefined {
  if (!isRecord(value) || typeof value.message !== "string") return undefined;
  return {
    code: typeof value.code === "string" ? value.code : "error",
    message: value.message,
    ...(typeof value.nodeId === "string" ? { nodeId: value.nodeId } : {}),
  };
}
