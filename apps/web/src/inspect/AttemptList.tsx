import { formatMs } from "../util/format";
import type { NodeSpan } from "./node-spans";
import { formatRange } from "./inspect-format";

const OUTCOME_LABEL = {
  ok: "succeeded",
  error: "failed",
  timeout: "timed out",
  running: "running",
} as const;

/** Every attempt of a node with its error, and the back-off the engine waited before the next one. */
export function AttemptList({ span }: { span: NodeSpan }) {
  if (span.attempts.length === 0) return null;
  const reported = span.reportedAttempts;
  return (
    <section className="sy-ni__section" aria-label="Attempts">
      <h3 className="sy-ni__heading">
        Attempts
        <span className="sy-ni__count">
          {span.attempts.length}
          {span.maxAttempts ? ` of up to ${span.maxAttempts}` : ""}
        </span>
      </h3>
      <ol className="sy-ni__attempts">
        {span.attempts.map((attempt) => {
          const gap = span.gaps.find((g) => g.afterAttempt === attempt.attempt);
          return (
            <li
              key={attempt.attempt}
              className={`sy-ni__attempt sy-ni__attempt--${attempt.outcome}`}
            >
              <div className="sy-ni__attempt-head">
                <span>#{attempt.attempt}</span>
                <span className="sy-ni__attempt-outcome">{OUTCOME_LABEL[attempt.outcome]}</span>
                <span className="sy-mono sy-ni__attempt-time">
                  {formatRange(attempt.startMs, attempt.endMs)}
                </span>
              </div>
              {attempt.error && (
                <p className="sy-ni__attempt-error">
                  {attempt.error.status ? `${attempt.error.status} · ` : ""}
                  {attempt.error.code}: {attempt.error.message}
                </p>
              )}
              {gap && (
                <p className="sy-ni__backoff">retry after {formatMs(gap.delayMs)} back-off</p>
              )}
            </li>
          );
        })}
      </ol>
      {reported !== undefined && reported > span.attempts.length && (
        <p className="sy-ni__reason">
          The node made {reported} model calls in all (e.g. samples or a judge); retries are shown
          per call above.
        </p>
      )}
    </section>
  );
}
