import type { NodeRunView } from "../../run/run-view";
import { resultNotices } from "../../run/result-notices";
import { compact, formatMs, formatUsd } from "../../util/format";

const STATUS_LABEL: Record<NodeRunView["status"], string> = {
  queued: "queued",
  running: "running",
  retrying: "retrying",
  "fell-back": "fell back",
  done: "done",
  failed: "failed",
  skipped: "skipped",
};

/** Live state of one node: status, cost and timing, and the tail of what it is streaming. */
export function NodeRunBadges({ run }: { run: NodeRunView }) {
  const status = run.status === "retrying" && run.retry ? `retrying ${run.retry.attempt + 1}/${run.retry.maxAttempts}` : STATUS_LABEL[run.status];
  const tokens = run.tokens ? run.tokens.input + run.tokens.output : 0;
  const note = noteOf(run);
  const notices = resultNotices(run);
  return (
    <div className="sy-run">
      <div className="sy-run__badges">
        <span className={`sy-pill sy-pill--${run.status}`}>{status}</span>
        {run.simulated && <span className="sy-tag sy-tag--sim" title={`Answered by simulated model ${run.model ?? ""}`}>SIM</span>}
        {tokens > 0 && <span className="sy-metric" title={`${run.tokens?.input ?? 0} input + ${run.tokens?.output ?? 0} output tokens`}>{compact(tokens)} tok</span>}
        {run.costUsd !== undefined && run.costUsd > 0 && <span className="sy-metric">{formatUsd(run.costUsd)}</span>}
        {run.latencyMs !== undefined && <span className="sy-metric">{formatMs(run.latencyMs)}</span>}
      </div>
      {note && <p className={`sy-run__note sy-run__note--${run.status}`}>{note}</p>}
      {notices.length > 0 && (
        <ul className="sy-run__notices" aria-label="About this reply">
          {notices.map((n) => (
            <li key={n.kind} className="sy-run__notice" title={n.text}>
              {n.short}
            </li>
          ))}
        </ul>
      )}
      {run.text && run.status !== "skipped" && <p className="sy-run__text">{tail(run.text)}</p>}
    </div>
  );
}

function noteOf(run: NodeRunView): string | undefined {
  if (run.status === "retrying" && run.retry) return `${run.retry.error.message} · next try in ${formatMs(run.retry.delayMs)}`;
  if (run.fellBackTo) return `${run.error ? `${run.error.message} ` : ""}→ fell back to ${run.fellBackTo.to} (${run.fellBackTo.reason.replace("_", " ")})`;
  if (run.status === "failed" && run.error) return run.error.message;
  if (run.status === "skipped") return run.skipReason;
  return undefined;
}

/** While text streams in, the newest part is what matters; the inspector has the whole text. */
function tail(text: string, max = 160): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}
