import { useEffect, useState } from "react";
import { Link } from "wouter";
import { useFlowSession } from "./flow-session";
import { useEditorMessage } from "./editor-message";
import { RestoreDialog } from "./RestoreDialog";
import { AccessLostBanner } from "./AccessLostBanner";
import { DraftNotice } from "./DraftNotice";

/** Banners under the toolbar: why the flow is read-only, changes kept across a sign-in, a failed save, a newer version elsewhere, feedback. */
export function EditorNotices() {
  const session = useFlowSession();
  const { message, show } = useEditorMessage();
  const [restoring, setRestoring] = useState<number>();
  const { readOnly, saveState } = session;
  // A restored draft's notice already says a newer version was saved meanwhile.
  const newerElsewhere = !readOnly && !saveState.error && session.keptDraft?.kind !== "restored" && session.latestVersion > session.baseVersion;
  const canEdit = session.role !== "viewer";

  // A save answers "review it, then save": feedback about the previous version goes.
  useEffect(() => show(undefined), [session.baseVersion, show]);

  return (
    <div className="sy-notices">
      {readOnly?.kind === "no-access" && <AccessLostBanner dirty={session.dirty} />}
      <DraftNotice />
      {readOnly?.kind === "viewer" && (
        <p className="sy-banner sy-banner--readonly" role="status">
          <strong>Read-only.</strong>{" "}
          {session.workspaceRole
            ? "You have view access to this flow; ask an editor for edit access."
            : "This flow was shared with you as a viewer: you can look, follow its runs and fork it, but not change or run it. Ask whoever shared it for edit access."}
        </p>
      )}
      {readOnly?.kind === "old-version" && (
        <div className="sy-banner sy-banner--readonly" role="status">
          <span>
            <strong>Read-only.</strong> You are viewing version {readOnly.version}; the latest is v{session.latestVersion}.
          </span>
          <Link href={`/flows/${session.flowId}`} className="sy-button sy-button--small">
            Back to the latest version
          </Link>
          {canEdit && (
            <button type="button" className="sy-button sy-button--small" onClick={() => setRestoring(readOnly.version)}>
              Restore this version
            </button>
          )}
        </div>
      )}
      {saveState.error && (
        <div className="sy-banner sy-banner--error" role="alert">
          <span>
            <strong>Not saved.</strong> {saveState.error.message}
          </span>
          {saveState.error.conflict && (
            <>
              <button type="button" className="sy-button sy-button--small" onClick={session.reload}>
                Load the latest version (discard mine)
              </button>
              <button type="button" className="sy-button sy-button--small" onClick={() => void session.save({ overwrite: true })}>
                Save mine as the newest version
              </button>
            </>
          )}
          <button type="button" className="sy-icon-button" aria-label="Dismiss" onClick={session.dismissSaveError}>
            ×
          </button>
        </div>
      )}
      {newerElsewhere && (
        <div className="sy-banner sy-banner--info" role="status">
          <span>
            Version {session.latestVersion} was saved elsewhere after the version you are editing (v{session.baseVersion}).
          </span>
          <button type="button" className="sy-button sy-button--small" onClick={session.reload}>
            {session.dirty ? "Load it (discard my changes)" : "Load it"}
          </button>
        </div>
      )}
      {message && (
        <div className={`sy-banner sy-banner--${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          <span>{message.text}</span>
          <button type="button" className="sy-icon-button" aria-label="Dismiss" onClick={() => show(undefined)}>
            ×
          </button>
        </div>
      )}
      {restoring !== undefined && <RestoreDialog version={restoring} onClose={() => setRestoring(undefined)} />}
    </div>
  );
}
