import { useState } from "react";
import { useEditorApi } from "../editor/editor-context";

/** The node id, renamed on Enter or blur; references and edges follow the rename. */
export function NodeIdField({ nodeId }: { nodeId: string }) {
  const store = useEditorApi();
  const [draft, setDraft] = useState(nodeId);
  const [error, setError] = useState<string>();
  const commit = () => {
    const problem = store.getState().renameNode(nodeId, draft.trim());
    setError(problem);
  };
  return (
    <div className={`sy-field${error ? " has-error" : ""}`}>
      <label htmlFor="node-id" className="sy-field__label">
        Id
      </label>
      <input
        id="node-id"
        className="sy-input sy-input--mono"
        value={draft}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(nodeId);
        }}
      />
      {error && (
        <p className="sy-field__errors" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
