import { stringifyValue } from "@switchyard/core";
import type { NodeRunView } from "../run/run-view";
import { isRecord } from "../util/records";
import { percent } from "../util/format";

/** What a gate, router or vote decided, and on what grounds. Nothing for other nodes. */
export function NodeDecision({ run }: { run: NodeRunView }) {
  if (run.gate) return <GateDecision gate={run.gate} />;
  if (run.route) return <RouteDecision route={run.route} output={run.output} />;
  if (run.vote) return <VoteDecision vote={run.vote} output={run.output} />;
  return null;
}

function GateDecision({ gate }: { gate: NonNullable<NodeRunView["gate"]> }) {
  const passed = gate.decision === "pass";
  return (
    <section className="sy-ni__section" aria-label="Gate decision">
      <h3 className="sy-ni__heading">Gate</h3>
      <p className="sy-ni__decision">
        <span className={`sy-pill ${passed ? "sy-pill--done" : "sy-pill--fell-back"}`}>
          {gate.decision}
        </span>
        <span className="sy-mono">
          confidence {gate.confidence === undefined ? "not reported" : gate.confidence.toFixed(2)}{" "}
          {gate.confidence === undefined ? "" : passed ? "≥" : "<"} threshold {gate.threshold}
        </span>
      </p>
      {gate.reason && <p className="sy-ni__reason">{gate.reason}</p>}
    </section>
  );
}

function RouteDecision({
  route,
  output,
}: {
  route: NonNullable<NodeRunView["route"]>;
  output: Record<string, unknown> | undefined;
}) {
  const scores = isRecord(output?.scores)
    ? Object.entries(output.scores)
        .flatMap(([name, score]) => (typeof score === "number" ? [{ name, score }] : []))
        .sort((a, b) => b.score - a.score)
    : [];
  return (
    <section className="sy-ni__section" aria-label="Route decision">
      <h3 className="sy-ni__heading">Router</h3>
      <p className="sy-ni__decision">
        route <span className="sy-pill sy-pill--done">{route.name}</span>
      </p>
      {route.reason && <p className="sy-ni__reason">{route.reason}</p>}
      {scores.length > 0 && (
        <table className="sy-ni__table">
          <caption className="sr-only">Route scores</caption>
          <thead>
            <tr>
              <th scope="col">route</th>
              <th scope="col">score</th>
            </tr>
          </thead>
          <tbody>
            {scores.map(({ name, score }) => (
              <tr key={name} className={name === route.name ? "is-winner" : ""}>
                <th scope="row">{name}</th>
                <td className="sy-mono">{score.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function VoteDecision({
  vote,
  output,
}: {
  vote: NonNullable<NodeRunView["vote"]>;
  output: Record<string, unknown> | undefined;
}) {
  const raw = new Map(
    (Array.isArray(output?.votes) ? output.votes : []).flatMap((v) =>
      isRecord(v) && typeof v.nodeId === "string" ? [[v.nodeId, v] as const] : [],
    ),
  );
  const failed = Array.isArray(output?.failed)
    ? output.failed.map((f) => (isRecord(f) ? stringifyValue(f.nodeId ?? f) : stringifyValue(f)))
    : [];
  return (
    <section className="sy-ni__section" aria-label="Vote">
      <h3 className="sy-ni__heading">Vote</h3>
      <p className="sy-ni__decision">
        answer <strong className="sy-mono">{vote.answer}</strong> · agreement{" "}
        <strong>{percent(vote.agreement)}</strong>
      </p>
      <table className="sy-ni__table">
        <caption className="sr-only">Votes by branch</caption>
        <thead>
          <tr>
            <th scope="col">branch</th>
            <th scope="col">answer</th>
            <th scope="col">weight</th>
            <th scope="col">said</th>
          </tr>
        </thead>
        <tbody>
          {vote.rows.map((row) => {
            const said = raw.get(row.nodeId)?.raw;
            return (
              <tr
                key={row.nodeId}
                className={
                  row.status === "ok" && row.answer === vote.answer
                    ? "is-winner"
                    : row.status !== "ok"
                      ? "is-failed"
                      : ""
                }
              >
                <th scope="row">{row.nodeId}</th>
                <td>{row.status === "ok" ? row.answer : row.status}</td>
                <td className="sy-mono">{row.weight ?? 1}</td>
                <td className="sy-ni__said">{typeof said === "string" ? said : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {failed.length > 0 && <p className="sy-ni__reason">Failed branches: {failed.join(", ")}</p>}
    </section>
  );
}
