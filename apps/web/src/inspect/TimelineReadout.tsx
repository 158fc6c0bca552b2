import { formatMs } from "../util/format";
import type { TimelineRow } from "./timeline-layout";
import { formatOffset, formatRange } from "./inspect-format";

/** One line for screen readers (and the row's accessible name). */
export function describeRow(row: TimelineRow): string {
  if (row.status === "skipped")
    return `${row.nodeId}: skipped at ${formatOffset(row.startMs)}, ${row.skipReason ?? ""}`;
  const retries = row.gaps.length ? `, ${row.attempts.length} attempts` : "";
  const fallback = row.fellBackTo ? `, fell back to ${row.fellBackTo.to}` : "";
  return `${row.nodeId}: ${row.status}, ${formatRange(row.startMs, row.endMs)}${retries}${fallback}${row.critical ? ", on the critical path" : ""}`;
}

/** Exact times of the hovered or focused row: its span, each attempt and each back-off. */
export function TimelineReadout({ row }: { row: TimelineRow | undefined }) {
  if (!row) {
    return (
      <p className="sy-tl__readout sy-muted" aria-live="polite">
        Hover or focus a row for its exact times; press it to inspect the node.
      </p>
    );
  }
  const steps = row.attempts.flatMap((attempt) => {
    const gap = row.gaps.find((g) => g.afterAttempt === attempt.attempt);
    return [
      <li key={`a${attempt.attempt}`}>
        <span className={`sy-tl__swatch sy-tl__bar--${attempt.outcome}`} aria-hidden="true" />{" "}
        attempt {attempt.attempt}: {formatRange(attempt.startMs, attempt.endMs)}
        {attempt.outcome === "running" ? " · running" : ""}
        {attempt.error ? <span className="sy-tl__err"> · {attempt.error.message}</span> : null}
      </li>,
      ...(gap
        ? [
            <li key={`g${gap.afterAttempt}`}>
              <span className="sy-tl__swatch sy-tl__swatch--gap" aria-hidden="true" /> waited{" "}
              {formatMs(gap.delayMs)} before retrying
            </li>,
          ]
        : []),
    ];
  });
  return (
    <div className="sy-tl__readout" aria-live="polite">
      <p>
        <strong>{row.nodeId}</strong>{" "}
        {row.status === "skipped"
          ? `skipped at ${formatOffset(row.startMs)} — ${row.skipReason ?? ""}`
          : `${row.status.replace("-", " ")} · ${formatRange(row.startMs, row.endMs)}`}
        {row.fallbackFrom
          ? ` · took over from ${row.fallbackFrom.from} (${row.fallbackFrom.reason.replace("_", " ")})`
          : ""}
        {row.fellBackTo
          ? ` · fell back to ${row.fellBackTo.to} (${row.fellBackTo.reason.replace("_", " ")})`
          : ""}
        {row.critical ? " · on the critical path" : ""}
      </p>
      {row.attempts.length > 1 || row.gaps.length > 0 ? (
        <ol className="sy-tl__steps">{steps}</ol>
      ) : null}
    </div>
  );
}
