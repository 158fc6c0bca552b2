import { useEffect, useMemo, useState } from "react";
import type { RunEvent } from "@switchyard/core";
import { formatMs } from "../util/format";
import { layoutTimeline, toPercent, type TimelineRow } from "./timeline-layout";
import { formatOffset, formatRange } from "./inspect-format";
import { describeRow, TimelineReadout } from "./TimelineReadout";
import "./timeline.css";

interface TimelineProps {
  events: readonly RunEvent[];
  /** The flow's wiring, so the critical path follows real dependencies. */
  edges?: readonly { source: string; target: string }[];
  live?: boolean;
  selected?: string | undefined;
  onSelect?: (nodeId: string) => void;
}

/**
 * The run as a waterfall: one row per node, every attempt and retry back-off on one time axis, so
 * parallel branches, retries and fallbacks read at a glance. Rows are buttons: focus or hover one
 * for its exact times, press it to inspect the node.
 */
export function Timeline({ events, edges, live = false, selected, onSelect }: TimelineProps) {
  const now = useNow(live);
  const layout = useMemo(
    () => layoutTimeline(events, { ...(edges ? { edges } : {}), ...(live ? { now } : {}) }),
    [events, edges, live, now],
  );
  const [active, setActive] = useState<string>();
  const activeRow = layout.rows.find((r) => r.nodeId === (active ?? selected));
  if (layout.rows.length === 0)
    return (
      <p className="sy-muted sy-tl__empty">
        {live ? "Waiting for the first node to start…" : "This run has no node events."}
      </p>
    );
  const { criticalPath, durationMs } = layout;
  return (
    <section className="sy-tl" aria-label="Timeline">
      <div className="sy-tl__summary">
        <span>
          wall <strong>{formatMs(durationMs)}</strong>
          {live ? " so far" : ""}
        </span>
        <span
          title={`Each node on it waited for the one before: ${criticalPath.nodeIds.join(" → ")}`}
        >
          critical path <strong>{formatMs(criticalPath.totalMs)}</strong>{" "}
          <span className="sy-tl__path">{criticalPath.nodeIds.join(" → ")}</span>
        </span>
        <span title="Sum of every node's own time; above the wall time when branches ran in parallel">
          node time <strong>{formatMs(layout.nodeTimeMs)}</strong>
        </span>
      </div>
      <div className="sy-tl__chart">
        <div className="sy-tl__axis" aria-hidden="true">
          {layout.ticks.map((tick) => (
            <span key={tick.ms} className="sy-tl__tick" style={{ left: `${tick.at}%` }}>
              {tick.label}
            </span>
          ))}
        </div>
        <div className="sy-tl__grid" aria-hidden="true">
          {layout.ticks.map((tick) => (
            <span key={tick.ms} className="sy-tl__gridline" style={{ left: `${tick.at}%` }} />
          ))}
        </div>
        <ol className="sy-tl__rows" onMouseLeave={() => setActive(undefined)}>
          {layout.rows.map((row) => (
            <li key={row.nodeId}>
              <button
                type="button"
                className={`sy-tl__row sy-tl__row--${row.status}${row.critical ? " is-critical" : ""}${row.nodeId === selected ? " is-selected" : ""}`}
                aria-pressed={row.nodeId === selected}
                aria-label={describeRow(row)}
                onClick={() => onSelect?.(row.nodeId)}
                onMouseEnter={() => setActive(row.nodeId)}
                onFocus={() => setActive(row.nodeId)}
                onBlur={() => setActive(undefined)}
              >
                <span className="sy-tl__label">
                  <span className={`sy-tl__dot sy-tl__dot--${row.status}`} aria-hidden="true" />
                  <span className="sy-tl__id">{row.nodeId}</span>
                  {row.nodeType && <span className="sy-tl__type">{row.nodeType}</span>}
                </span>
                <span className="sy-tl__track">
                  <RowBars row={row} durationMs={durationMs} />
                </span>
                <span className="sy-tl__dur">
                  {row.status === "skipped" ? "skipped" : formatMs(row.endMs - row.startMs)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </div>
      <TimelineReadout row={activeRow} />
      <Legend />
    </section>
  );
}

function RowBars({ row, durationMs }: { row: TimelineRow; durationMs: number }) {
  const pos = (start: number, end: number) => ({
    left: `${toPercent(start, durationMs)}%`,
    width: `${toPercent(end - start, durationMs)}%`,
  });
  if (row.status === "skipped") {
    return (
      <>
        <span
          className="sy-tl__skip"
          style={{ left: `${row.left}%` }}
          title={`skipped at ${formatOffset(row.startMs)}: ${row.skipReason ?? ""}`}
        />
        <span
          className={`sy-tl__note sy-tl__note--skipped${row.left > 60 ? " is-before" : ""}`}
          style={
            row.left > 60
              ? { right: `calc(${100 - row.left}% + 10px)` }
              : { left: `calc(${row.left}% + 10px)` }
          }
        >
          {row.skipReason}
        </span>
      </>
    );
  }
  const end = row.left + row.width;
  return (
    <>
      {row.gaps.map((gap) => (
        <span
          key={`gap-${gap.afterAttempt}`}
          className="sy-tl__gap"
          style={pos(gap.startMs, gap.endMs)}
          title={`retry back-off after attempt ${gap.afterAttempt}: ${formatMs(gap.delayMs)} (${formatRange(gap.startMs, gap.endMs)})`}
        />
      ))}
      {row.attempts.map((attempt) => (
        <span
          key={attempt.attempt}
          className={`sy-tl__bar sy-tl__bar--${attempt.outcome}`}
          style={pos(attempt.startMs, attempt.endMs)}
          title={`attempt ${attempt.attempt}: ${formatRange(attempt.startMs, attempt.endMs)}${attempt.error ? ` — ${attempt.error.message}` : ""}`}
        />
      ))}
      {row.fellBackTo && end < 78 && (
        <span className="sy-tl__note sy-tl__note--fallback" style={{ left: `calc(${end}% + 6px)` }}>
          → {row.fellBackTo.to} ({row.fellBackTo.reason.replace("_", " ")})
        </span>
      )}
    </>
  );
}

function Legend() {
  return (
    <ul className="sy-tl__legend" aria-label="Legend">
      <li>
        <span className="sy-tl__swatch sy-tl__bar--ok" /> attempt ok
      </li>
      <li>
        <span className="sy-tl__swatch sy-tl__bar--error" /> attempt failed
      </li>
      <li>
        <span className="sy-tl__swatch sy-tl__bar--timeout" /> timed out
      </li>
      <li>
        <span className="sy-tl__swatch sy-tl__swatch--gap" /> retry back-off
      </li>
      <li>
        <span className="sy-tl__swatch sy-tl__swatch--critical" /> critical path
      </li>
    </ul>
  );
}

/** A clock that ticks while a run is live, so open bars grow; frozen otherwise. */
function useNow(live: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [live]);
  return now;
}
