import { Link } from "wouter";
import { RelativeTime } from "../../components/RelativeTime";
import { RoleBadge } from "../../components/RoleBadge";
import type { Role } from "../../util/roles";
import { RunStatusPill } from "../../inspect/RunStatusPill";
import { formatUsd } from "../../util/format";

export interface FlowRow {
  id: string;
  name: string;
  description: string | null;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
  createdBy: { name: string } | null;
  /** The latest run, if any (the API returns at most one). */
  runs?: { id: string; status: string; costUsd: number; createdAt: string }[];
  /** The caller's role on the flow. */
  role?: Role;
}

interface FlowTableProps {
  flows: FlowRow[];
  /** Flows shared with you: your role on each is shown, and they are not yours to delete. */
  shared?: boolean;
  canDelete?: boolean;
  onDelete?: (flow: FlowRow) => void;
  label?: string;
}

/** One row per flow: what it is, how fresh, and where to go from it. */
export function FlowTable({ flows, shared = false, canDelete = false, onDelete, label }: FlowTableProps) {
  return (
    <table className="sy-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {shared && <th scope="col">Your access</th>}
          <th scope="col">Updated</th>
          <th scope="col">Created</th>
          <th scope="col">Version</th>
          <th scope="col">Last run</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {flows.map((flow) => (
          <tr key={flow.id}>
            <td className="sy-table__main">
              <Link href={`/flows/${flow.id}`} className="sy-table__title">
                {flow.name}
              </Link>
              {flow.description && <p className="sy-table__sub">{flow.description}</p>}
            </td>
            {shared && <td>{flow.role && <RoleBadge role={flow.role} shared />}</td>}
            <td>
              <RelativeTime value={flow.updatedAt} />
            </td>
            <td>
              <RelativeTime value={flow.createdAt} />
              {flow.createdBy && <span className="sy-muted"> by {flow.createdBy.name}</span>}
            </td>
            <td>
              <span className="sy-pill">v{flow.latestVersion}</span>
            </td>
            <td>{flow.runs?.[0] ? <LastRun run={flow.runs[0]} /> : <span className="sy-muted">never run</span>}</td>
            <td className="sy-table__actions">
              <Link href={`/flows/${flow.id}/runs`} className="sy-button sy-button--small" aria-label={`Runs of ${flow.name}`}>
                Runs
              </Link>
              {onDelete && (
                <button
                  type="button"
                  className="sy-button sy-button--small sy-button--danger"
                  onClick={() => onDelete(flow)}
                  disabled={!canDelete}
                  title={canDelete ? undefined : "Viewers can't delete flows"}
                  aria-label={`Delete ${flow.name}`}
                >
                  Delete
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LastRun({ run }: { run: { id: string; status: string; costUsd: number; createdAt: string } }) {
  return (
    <Link href={`/runs/${run.id}`} className="sy-last-run" aria-label={`Last run: ${run.status}, ${formatUsd(run.costUsd)}`}>
      <RunStatusPill status={run.status} /> <span className="sy-muted">{formatUsd(run.costUsd)}</span>
    </Link>
  );
}
