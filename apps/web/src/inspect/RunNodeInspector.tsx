import type { ReactNode } from "react";
import { stringifyValue, type FlowNode } from "@switchyard/core";
import type { NodeRunView } from "../run/run-view";
import { resultNotices } from "../run/result-notices";
import { formatMs, formatUsd } from "../util/format";
import type { NodeSpan } from "./node-spans";
import { AttemptList } from "./AttemptList";
import { NodeDecision } from "./NodeDecision";
import "./node-inspector.css";

interface RunNodeInspectorProps {
  nodeId: string;
  /** The node as the flow version defined it (absent if the version lacks it). */
  node: FlowNode | undefined;
  run: NodeRunView | undefined;
  span: NodeSpan | undefined;
  onSelect: (nodeId: string) => void;
  onClose: () => void;
}

const STATUS_LABEL: Record<string, string> = { "fell-back": "fell back", done: "done" };

/** Everything a run recorded about one node: what it saw, what it said, each try, and what it decided. */
export function RunNodeInspector({
  nodeId,
  node,
  run,
  span,
  onSelect,
  onClose,
}: RunNodeInspectorProps) {
  const type = node?.type ?? span?.nodeType ?? "node";
  const status = run?.status ?? span?.status ?? "queued";
  return (
    <aside className="sy-ni" aria-label={`Node ${nodeId}`}>
      <header className="sy-ni__header">
        <div className="sy-ni__title">
          <h2 className="sy-mono">{nodeId}</h2>
          <span className="sy-ni__type">{type}</span>
          <span className={`sy-pill sy-pill--${status}`}>{STATUS_LABEL[status] ?? status}</span>
        </div>
        <button
          type="button"
          className="sy-icon-button"
          aria-label="Close node details"
          title="Close (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {!run || status === "queued" ? (
        <p className="sy-muted sy-ni__section">This node has not run{span ? " yet" : ""}.</p>
      ) : (
        <NodeRunBody run={run} span={span} node={node} onSelect={onSelect} />
      )}
    </aside>
  );
}

function NodeRunBody({
  run,
  span,
  node,
  onSelect,
}: {
  run: NodeRunView;
  span: NodeSpan | undefined;
  node: FlowNode | undefined;
  onSelect: (id: string) => void;
}) {
  const prompt = typeof run.output?.prompt === "string" ? run.output.prompt : undefined;
  const system = typeof run.output?.system === "string" ? run.output.system : undefined;
  const template = typeof node?.data?.prompt === "string" ? node.data.prompt : undefined;
  const output = outputText(run);
  return (
    <>
      <Facts run={run} />
      {resultNotices(run).map((n) => (
        <p key={n.kind} className="sy-ni__note sy-ni__note--warning" role="note">
          {n.text}
        </p>
      ))}
      {run.skipReason && (
        <p className="sy-ni__note sy-ni__note--skipped">Skipped: {run.skipReason}</p>
      )}
      {run.error && (
        <p className="sy-ni__note sy-ni__note--failed" role="note">
          {run.error.status ? `${run.error.status} · ` : ""}
          {run.error.code}: {run.error.message}
        </p>
      )}
      <Handovers span={span} run={run} onSelect={onSelect} />
      <NodeDecision run={run} />
      {span && (span.attempts.length > 1 || span.gaps.length > 0 || run.error) ? (
        <AttemptList span={span} />
      ) : null}
      {(system !== undefined || prompt !== undefined) && (
        <section className="sy-ni__section" aria-label="Prompt">
          <h3 className="sy-ni__heading">What the model saw</h3>
          {system !== undefined && <TextBlock label="system" text={system} />}
          {prompt !== undefined && <TextBlock label="prompt" text={prompt} />}
        </section>
      )}
      {prompt === undefined && template !== undefined && run.status !== "skipped" && (
        <section className="sy-ni__section" aria-label="Prompt template">
          <h3 className="sy-ni__heading">Prompt template</h3>
          <p className="sy-ni__reason">
            The rendered prompt is recorded when a node completes; this is the template as
            configured.
          </p>
          <TextBlock label="template" text={template} />
        </section>
      )}
      {output !== "" && (
        <section className="sy-ni__section" aria-label="Output">
          <h3 className="sy-ni__heading">
            {run.status === "running" || run.status === "retrying"
              ? `Output so far (attempt ${run.attempt})`
              : "Output"}
          </h3>
          <TextBlock text={output} />
        </section>
      )}
      {run.output && (
        <details className="sy-ni__section sy-ni__raw">
          <summary>Raw output fields</summary>
          <pre className="sy-ni__text">{JSON.stringify(run.output, null, 2)}</pre>
        </details>
      )}
    </>
  );
}

function Facts({ run }: { run: NodeRunView }) {
  const rows: [string, ReactNode][] = [];
  if (run.model) {
    rows.push([
      "model",
      <>
        <span className="sy-mono">{run.model}</span>{" "}
        {run.simulated && (
          <span
            className="sy-tag sy-tag--sim"
            title="Answered by the simulated provider: offline, deterministic and free; the cost shown is what a real model of its class would charge"
          >
            SIMULATED
          </span>
        )}
      </>,
    ]);
  }
  if (run.tokens && (run.tokens.input > 0 || run.tokens.output > 0))
    rows.push([
      "usage",
      `${run.tokens.input.toLocaleString("en-US")} in · ${run.tokens.output.toLocaleString("en-US")} out tokens`,
    ]);
  if (run.costUsd !== undefined && (run.costUsd > 0 || run.model))
    rows.push(["cost", formatUsd(run.costUsd)]);
  if (run.latencyMs !== undefined) rows.push(["latency", formatMs(run.latencyMs)]);
  if (run.confidence !== undefined) rows.push(["confidence", run.confidence.toFixed(2)]);
  if (run.attempts !== undefined) rows.push(["attempts", String(run.attempts)]);
  if (rows.length === 0) return null;
  return (
    <dl className="sy-ni__facts">
      {rows.map(([k, v]) => (
        <div key={k} className={k === "model" || k === "usage" ? "is-wide" : undefined}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Handovers({
  span,
  run,
  onSelect,
}: {
  span: NodeSpan | undefined;
  run: NodeRunView;
  onSelect: (id: string) => void;
}) {
  const from = span?.fallbackFrom;
  const to = run.fellBackTo;
  if (!from && !to) return null;
  return (
    <ul className="sy-ni__handovers">
      {from && (
        <li>
          Took over from{" "}
          <button type="button" className="sy-runs-link" onClick={() => onSelect(from.from)}>
            {from.from}
          </button>{" "}
          ({from.reason.replace("_", " ")})
        </li>
      )}
      {to && (
        <li className="sy-ni__handover--out">
          Fell back to{" "}
          <button type="button" className="sy-runs-link" onClick={() => onSelect(to.to)}>
            {to.to}
          </button>{" "}
          ({to.reason.replace("_", " ")})
        </li>
      )}
    </ul>
  );
}

/** Model text shown as text: React escapes it, and pre-wrap keeps its lines. Never rendered as HTML or Markdown. */
function TextBlock({ label, text }: { label?: string; text: string }) {
  return (
    <figure className="sy-ni__block">
      {label && <figcaption>{label}</figcaption>}
      <pre className="sy-ni__text">{text}</pre>
    </figure>
  );
}

function outputText(run: NodeRunView): string {
  if (run.status === "skipped") return "";
  if (run.text) return run.text;
  const value = run.output?.value;
  if (value === undefined) return "";
  return typeof value === "string"
    ? value
    : (JSON.stringify(value, null, 2) ?? stringifyValue(value));
}
