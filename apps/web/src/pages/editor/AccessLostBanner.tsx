import { Link } from "wouter";
import { useEditorApi } from "../../editor/editor-context";
import { serializeFlow } from "../../editor/flow-file";
import { downloadText, fileNameFor } from "../../util/download";

/** The flow was open and is no longer yours to see: say so, stop, and let unsaved work leave as a file. */
export function AccessLostBanner({ dirty }: { dirty: boolean }) {
  const store = useEditorApi();
  const download = () => {
    const document = store.getState().toDocument();
    downloadText(fileNameFor(document.name), serializeFlow(document));
  };
  return (
    <div className="sy-banner sy-banner--error sy-banner--access" role="alert">
      <span>
        <strong>You no longer have access to this flow.</strong> It is no longer shared with you, or it was deleted. Nothing here can be saved or run, and live
        updates have stopped.
      </span>
      {dirty && (
        <button type="button" className="sy-button sy-button--small" onClick={download}>
          Download my unsaved changes
        </button>
      )}
      <Link href="/" className="sy-button sy-button--small">
        Back to your flows
      </Link>
    </div>
  );
}
