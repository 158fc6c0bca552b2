import type { ReactNode } from "react";
import type { NodeRunView } from "../../run/run-view";
import { formatMs, formatUsd } from "../../util/format";
import { DiffPane, useTextDiff } from "../../inspect/DiffText";
import type { NodeComparison } from "../../inspect/run-compare";
import { formatCostDelta, formatMsDelta } from "../../inspect/inspect-format";
import { DeltaValue } from "./DeltaValue";

/** One node in both runs, A and B in aligned columns: status, model, cost and latency with deltas, then the outputs diffed. */
export function CompareNodeCard({ node }: { node: NodeComparison }) {
  const differs = node.differences.length > 0;
  const diff = useTextDiff(node.textA, node.textB);
  const absentA = node.presence === "only-b";
  const absentB = node.presence === "only-a";
  return (
    <article
      id={`cmp-${node.nodeId}`}
      className={`sy-cmp-node${differs ? " is-different" : ""}${node.presence !== "both" ? " is-partial" : ""}`}
      aria-labelledby={`cmp-h-${node.nodeId}`}
    >
      <header className="sy-cmp-node__head">
        <h3 id={`cmp-h-${node.nodeId}`} className="sy-mono">
          {node.nodeId}
        </h3>
        <span className="sy-muted">{node.type}</span>
        {differs ? (
          <ul className="sy-cmp-node__diffs" aria-label="Differences">
            {node.differences.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : (
          <span className="sy-cmp-node__same">same in both</span>
        )}
      </header>
      <table className="sy-cmp-node__facts">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">fact</span>
            </th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">
              Δ<span className="sr-only"> B minus A</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <Fact label="status" a={status(node.a, absentA)} b={status(node.b, absentB)} />
          {(node.a?.model || node.b?.model) && (
            <Fact label="model" a={model(node.a)} b={model(node.b)} />
          )}
          {node.cost && (node.cost.a > 0 || node.cost.b > 0) && (
            <Fact
              label="cost"
              a={formatUsd(node.cost.a)}
              b={formatUsd(node.cost.b)}
              delta={<DeltaValue delta={node.cost.delta} format={formatCostDelta} />}
            />
          )}
          {node.latency && (
            <Fact
              label="latency"
              a={formatMs(node.latency.a)}
              b={formatMs(node.latency.b)}
              delta={<DeltaValue delta={node.latency.delta} format={formatMsDelta} />}
            />
          )}
          {(node.textA || node.textB) && (
            <tr className="sy-cmp-node__output">
              <th scope="row">output</th>
              <td>
                <DiffPane
                  parts={diff.before}
                  empty={node.textA ? undefined : emptyReason(node.a, absentA)}
                  label={`Output of ${node.nodeId} in run A`}
                />
              </td>
              <td>
                <DiffPane
                  parts={diff.after}
                  empty={node.textB ? undefined : emptyReason(node.b, absentB)}
                  label={`Output of ${node.nodeId} in run B`}
                />
              </td>
              <td
                className={
                  diff.changed
                    ? "sy-runs-delta sy-runs-delta--changed"
                    : "sy-runs-delta sy-runs-delta--same"
                }
              >
                {diff.changed ? "changed" : "same"}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </article>
  );
}

function Fact({
  label,
  a,
  b,
  delta,
}: {
  label: string;
  a: ReactNode;
  b: ReactNode;
  delta?: ReactNode;
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{a}</td>
      <td>{b}</td>
      <td>{delta ?? ""}</td>
    </tr>
  );
}

function status(run: NodeRunView | undefined, absent: boolean): ReactNode {
  if (absent) return <span className="sy-muted">not in this version</span>;
  const s = run?.status ?? "queued";
  const label =
    s === "fell-back"
      ? `fell back → ${run?.fellBackTo?.to ?? ""}`
      : s === "queued"
        ? "did not run"
        : s;
  const decision = run?.gate
    ? ` · ${run.gate.decision}`
    : run?.route
      ? ` · route ${run.route.name}`
      : "";
  return (
    <>
      <span className={`sy-pill sy-pill--${s}`}>{label}</span>
      {decision && <span className="sy-cmp-node__decision">{decision}</span>}
      {run?.skipReason && <span className="sy-cmp-node__decision"> · {run.skipReason}</span>}
    </>
  );
}

function model(run: NodeRunView | undefined): ReactNode {
  if (!run?.model) return <span className="sy-muted">—</span>;
  return (
    <>
      <span className="sy-mono">{run.model}</span>{" "}
      {run.simulated && <span className="sy-tag sy-tag--sim">SIM</span>}
    </>
  );
}

function emptyReason(run: NodeRunView | undefined, absent: boolean): string {
  if (absent) return "not in this run's version";
  if (!run || run.status === "queued") return "did not run";
  if (run.status === "skipped") return "skipped";
  if (run.error) return `failed — ${run.error.message}`;
  return "no output";
}
