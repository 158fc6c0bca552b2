import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { useTRPC } from "../../api/trpc";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { RelativeTime } from "../../components/RelativeTime";
import { useFlowSession } from "./flow-session";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { RestoreDialog } from "./RestoreDialog";

/** Every saved version, newest first: open one read-only, or restore it as a new version. */
export function VersionsPanel() {
  const trpc = useTRPC();
  const session = useFlowSession();
  const versions = useQuery(trpc.flows.versions.queryOptions({ id: session.flowId }));
  const [restoring, setRestoring] = useState<number>();
  const [leavingFor, setLeavingFor] = useState<string>();
  const [, navigate] = useLocation();
  // Opening another version replaces the canvas; unsaved work is only dropped on purpose.
  const view = (href: string) => (session.dirty ? setLeavingFor(href) : navigate(href));
  const viewing = session.readOnly?.kind === "old-version" ? session.readOnly.version : session.baseVersion;
  const canRestore = session.role !== "viewer";

  return (
    <div className="sy-inspector__body">
      <header>
        <h2 className="sy-inspector__title">Versions</h2>
        <p className="sy-inspector__description">Every save is kept. Restoring a version saves a copy of it as the newest.</p>
      </header>
      {versions.isPending ? (
        <Loading label="Loading versions…" />
      ) : versions.isError ? (
        <ErrorMessage title="Couldn't load the versions" error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <ol className="sy-versions" aria-label="Saved versions">
          {versions.data.map((v, index) => {
            const latest = index === 0;
            return (
              <li key={v.id} className={`sy-versions__item${v.version === viewing ? " is-current" : ""}`}>
                <div className="sy-versions__line">
                  <strong>v{v.version}</strong>
                  {latest && <span className="sy-pill sy-pill--done">latest</span>}
                  {v.version === viewing && <span className="sy-pill">on canvas</span>}
                  <span className="sy-versions__when">
                    <RelativeTime value={v.createdAt} />
                  </span>
                </div>
                <p className="sy-versions__message">
                  {v.message ?? "Saved"}
                  {v.createdBy && <span className="sy-muted"> · {v.createdBy.name}</span>}
                </p>
                <div className="sy-row">
                  {v.version !== viewing && (
                    <button
                      type="button"
                      className="sy-button sy-button--small"
                      onClick={() => view(latest ? `/flows/${session.flowId}` : `/flows/${session.flowId}?version=${v.version}`)}
                      aria-label={`View version ${v.version}${latest ? "" : " (read-only)"}`}
                    >
                      View
                    </button>
                  )}
                  {!latest && canRestore && (
                    <button type="button" className="sy-button sy-button--small" onClick={() => setRestoring(v.version)} aria-label={`Restore version ${v.version}`}>
                      Restore
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {restoring !== undefined && <RestoreDialog version={restoring} onClose={() => setRestoring(undefined)} />}
      {leavingFor && (
        <ConfirmDialog
          title="Discard your unsaved changes?"
          confirmLabel="Discard and open"
          danger
          onCancel={() => setLeavingFor(undefined)}
          onConfirm={() => navigate(leavingFor)}
        >
          <p>Opening another version replaces the canvas. Save first to keep your changes as a new version.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
