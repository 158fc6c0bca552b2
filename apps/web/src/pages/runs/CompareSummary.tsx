import { Link } from "wouter";
import { formatMs, formatUsd } from "../../util/format";
import { RunStatusPill } from "../../inspect/RunStatusPill";
import type { RunComparison } from "../../inspect/run-compare";
import {
  formatAgo,
  formatCostDelta,
  formatCountDelta,
  formatMsDelta,
  formatTimestamp,
  shortId,
} from "../../inspect/inspect-format";
import type { RunView } from "../../run/run-view";
import { DeltaValue } from "./DeltaValue";
import type { RunRecord } from "./run-types";

interface CompareSummaryProps {
  a: { run: RunRecord; view: RunView };
  b: { run: RunRecord; view: RunView };
  comparison: RunComparison;
}

/** The two runs and their totals side by side, with B's difference from A. */
export function CompareSummary({ a, b, comparison }: CompareSummaryProps) {
  const { totals } = comparison;
  const count = (n: number) => n.toLocaleString("en-US");
  return (
    <table className="sy-cmp-totals">
      <caption className="sr-only">Run totals, A and B, with B minus A</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">total</span>
          </th>
          <RunHead label="A" run={a.run} view={a.view} />
          <RunHead label="B" run={b.run} view={b.view} />
          <th scope="col" className="sy-cmp-totals__delta">
            Δ B − A
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">cost</th>
          <td>{formatUsd(totals.cost.a)}</td>
          <td>{formatUsd(totals.cost.b)}</td>
          <td>
            <DeltaValue delta={totals.cost.delta} format={formatCostDelta} />
          </td>
        </tr>
        <tr>
          <th scope="row">tokens in</th>
          <td>{count(totals.inputTokens.a)}</td>
          <td>{count(totals.inputTokens.b)}</td>
          <td>
            <DeltaValue delta={totals.inputTokens.delta} format={formatCountDelta} />
          </td>
        </tr>
        <tr>
          <th scope="row">tokens out</th>
          <td>{count(totals.outputTokens.a)}</td>
          <td>{count(totals.outputTokens.b)}</td>
          <td>
            <DeltaValue delta={totals.outputTokens.delta} format={formatCountDelta} />
          </td>
        </tr>
        <tr>
          <th scope="row">latency</th>
          <td>{formatMs(totals.latency.a)}</td>
          <td>{formatMs(totals.latency.b)}</td>
          <td>
            <DeltaValue delta={totals.latency.delta} format={formatMsDelta} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function RunHead({ label, run, view }: { label: string; run: RunRecord; view: RunView }) {
  const status = view.lastSeq > 0 && view.status !== "idle" ? view.status : run.status;
  const started = run.startedAt ?? run.createdAt;
  return (
    <th scope="col" className="sy-cmp-totals__run">
      <span className="sy-cmp-totals__label">{label}</span>
      <span className="sy-cmp-totals__runline">
        <RunStatusPill status={status} />
        <Link href={`/runs/${run.id}`} className="sy-mono">
          run {shortId(run.id)}
        </Link>
      </span>
      <span className="sy-cmp-totals__meta" title={formatTimestamp(started)}>
        v{run.flowVersion.version} · seed {run.seed} · {formatAgo(started)}
      </span>
    </th>
  );
}
