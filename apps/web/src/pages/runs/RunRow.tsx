import type { MouseEvent } from "react";
import { Link } from "wouter";
import { formatMs, formatUsd } from "../../util/format";
import { RunStatusPill } from "../../inspect/RunStatusPill";
import { formatAgo, formatTimestamp, shortId } from "../../inspect/inspect-format";
import type { RunListItem } from "./run-types";

interface RunRowProps {
  run: RunListItem;
  picked: boolean;
  onToggle: () => void;
  onOpen: () => void;
}

/** One run in the history: a click anywhere on the row opens it; the id is the keyboard's link, the checkbox picks it for comparing. */
export function RunRow({ run, picked, onToggle, onOpen }: RunRowProps) {
  const started = run.startedAt ?? run.createdAt;
  const onRowClick = (event: MouseEvent) => {
    // Let the checkbox and the link do their own thing.
    if (event.target instanceof Element && event.target.closest("a, input, button, label")) return;
    onOpen();
  };
  return (
    <tr className={`sy-rh__row${picked ? " is-picked" : ""}`} onClick={onRowClick}>
      <td className="sy-rh__pick">
        <input
          type="checkbox"
          checked={picked}
          onChange={onToggle}
          aria-label={`Select run ${shortId(run.id)} to compare`}
        />
      </td>
      <td>
        <span className="sy-rh__run">
          <RunStatusPill status={run.status} />
          <Link
            href={`/runs/${run.id}`}
            className="sy-rh__link sy-mono"
            aria-label={`Open run ${shortId(run.id)}, ${run.status}`}
          >
            {shortId(run.id)}
          </Link>
        </span>
      </td>
      <td title={formatTimestamp(started)}>{formatAgo(started)}</td>
      <td className="is-num">{duration(run)}</td>
      <td className="is-num">{run.status === "queued" ? "—" : formatUsd(run.costUsd)}</td>
      <td className="is-num">
        {run.inputTokens.toLocaleString("en-US")} / {run.outputTokens.toLocaleString("en-US")}
      </td>
      <td>v{run.flowVersion.version}</td>
      <td>
        {run.createdBy?.name ??
          (run.apiKeyId ? <span title={`API key ${run.apiKeyId}`}>API key</span> : "—")}
      </td>
    </tr>
  );
}

function duration(run: RunListItem): string {
  if (run.latencyMs !== null) return formatMs(run.latencyMs);
  if (run.startedAt && run.finishedAt)
    return formatMs(Date.parse(run.finishedAt) - Date.parse(run.startedAt));
  if (run.startedAt && run.status === "running")
    return `${formatMs(Date.now() - Date.parse(run.startedAt))}…`;
  return "—";
}
