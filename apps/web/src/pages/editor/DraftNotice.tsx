import { serializeFlow } from "../../editor/flow-file";
import { downloadText, fileNameFor } from "../../util/download";
import { useFlowSession } from "./flow-session";

/** Tells of unsaved changes kept from before the user signed in again, and lets them go. */
export function DraftNotice() {
  const { keptDraft, dismissKeptDraft, discardKeptDraft } = useFlowSession();
  if (!keptDraft) return null;
  if (keptDraft.kind === "read-only") {
    const { document } = keptDraft.draft;
    return (
      <div className="sy-banner sy-banner--info" role="status">
        <span>You have unsaved changes to this flow from before you signed in, but you can only view it now.</span>
        <button type="button" className="sy-button sy-button--small" onClick={() => downloadText(fileNameFor(document.name), serializeFlow(document))}>
          Download them
        </button>
        <button type="button" className="sy-button sy-button--small" onClick={discardKeptDraft}>
          Discard them
        </button>
      </div>
    );
  }
  const movedOn = keptDraft.latestVersion > keptDraft.baseVersion;
  return (
    <div className="sy-banner sy-banner--info" role="status">
      <span>
        <strong>Restored your unsaved changes from before you signed in.</strong>{" "}
        {movedOn
          ? `Version ${keptDraft.latestVersion} was saved since you made them on v${keptDraft.baseVersion}; Save will ask before replacing it.`
          : "Save to keep them."}
      </span>
      <button type="button" className="sy-button sy-button--small" onClick={discardKeptDraft}>
        Discard them
      </button>
      <button type="button" className="sy-icon-button" aria-label="Dismiss" onClick={dismissKeptDraft}>
        ×
      </button>
    </div>
  );
}
