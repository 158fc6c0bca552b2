import { memo } from "react";
import { useNodeRun } from "../../run/run-context";
import { percent } from "../../util/format";
import { NodeShell } from "./NodeShell";
import type { FlowNodeProps } from "./node-props";
import { recordOr } from "../../util/records";
import { VOTE_ROWS_ON_CANVAS, voteTally } from "../../run/vote-summary";

/** A vote shows strategy and quorum, and after a run its table and agreement. */
export const VoteNode = memo(function VoteNode({ id, type, data, selected }: FlowNodeProps) {
  const vote = useNodeRun(id)?.vote;
  const strategy = typeof data.strategy === "string" ? data.strategy : "majority";
  const quorum = typeof data.quorum === "number" ? `quorum ${data.quorum}` : "quorum: majority";
  const extract = recordOr(data.extract).kind;
  return (
    <NodeShell id={id} type={type} data={data} selected={selected}>
      <p className="sy-node__summary">
        {strategy} · {quorum}
        {typeof extract === "string" && extract !== "normalized" ? ` · ${extract}` : ""}
      </p>
      {vote && (
        <table className="sy-vote-table">
          <caption>
            agreement <strong>{percent(vote.agreement)}</strong> · answer <strong>{vote.answer}</strong>
          </caption>
          <tbody>
            {/* A few branches are listed one by one; many are tallied by answer (the inspector lists them all). */}
            {vote.rows.length <= VOTE_ROWS_ON_CANVAS
              ? vote.rows.map((row) => (
                  <tr key={row.nodeId} className={row.answer === vote.answer ? "is-winner" : ""}>
                    <th scope="row">{row.nodeId}</th>
                    <td>{row.status === "ok" ? row.answer : row.status}</td>
                  </tr>
                ))
              : voteTally(vote.rows, vote.answer).map((row) => (
                  <tr key={row.label} className={row.winner ? "is-winner" : ""}>
                    <th scope="row">{row.count}×</th>
                    <td>{row.label}</td>
                  </tr>
                ))}
          </tbody>
        </table>
      )}
    </NodeShell>
  );
});
