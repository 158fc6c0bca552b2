import { stringifyValue } from "@switchyard/core";
import { useNodeRun } from "./run-context";
import { resultNotices } from "./result-notices";
import { formatMs, formatTokens, formatUsd, percent } from "../util/format";

/** The selected node's part of the current run, in full (the canvas shows only a summary). */
export function NodeRunDetails({ nodeId }: { nodeId: string }) {
  const run = useNodeRun(nodeId);
  if (!run) return null;
  const rows: [string, string | undefined][] = [
    ["status", run.status === "retrying" && run.retry ? `retrying (${run.retry.attempt + 1}/${run.retry.maxAttempts})` : run.status],
    ["model", run.model && `${run.model}${run.simulated ? " (simulated)" : ""}`],
    ["attempts", run.attempts?.toString()],
    ["tokens", run.tokens && formatTokens(run.tokens)],
    ["cost", run.costUsd === undefined ? undefined : formatUsd(run.costUsd)],
    ["latency", run.latencyMs === undefined ? undefined : formatMs(run.latencyMs)],
    ["confidence", run.confidence?.toFixed(2)],
    ["decision", run.gate && (run.gate.reason ?? run.gate.decision)],
    ["route", run.route && `${run.route.name}${run.route.reason ? ` — ${run.route.reason}` : ""}`],
    ["agreement", run.vote && percent(run.vote.agreement)],
    ["fell back to", run.fellBackTo && `${run.fellBackTo.to} (${run.fellBackTo.reason})`],
    ["error", run.error?.message],
    ["skipped", run.skipReason],
  ];
  const output = run.text || (run.output ? stringifyValue(run.output.value) : "");
  return (
    <section className="sy-inspector__section" aria-label="Last run">
      <h3 className="sy-inspector__subtitle">Run</h3>
      <dl className="sy-kv">
        {rows.map(([k, v]) =>
          v === undefined ? null : (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ),
        )}
      </dl>
      {run.vote && (
        <table className="sy-vote-table sy-vote-table--wide">
          <thead>
            <tr>
              <th scope="col">branch</th>
              <th scope="col">answer</th>
              <th scope="col">weight</th>
            </tr>
          </thead>
          <tbody>
            {run.vote.rows.map((row) => (
              <tr key={row.nodeId} className={row.answer === run.vote?.answer ? "is-winner" : ""}>
                <th scope="row">{row.nodeId}</th>
                <td>{row.status === "ok" ? row.answer : row.status}</td>
                <td>{row.weight ?? 1}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {resultNotices(run).map((n) => (
        <p key={n.kind} className="sy-notice sy-notice--warning" role="note">
          {n.text}
        </p>
      ))}
      {output && <pre className="sy-output">{output}</pre>}
    </section>
  );
}
