import { useEditor, useEditorApi } from "../editor/editor-context";
import { FLOW_TEMPLATES, templateByKey } from "../templates/templates";

/** Shown on an empty canvas: how to start, and the templates one click away. */
export function EmptyCanvasHint() {
  const store = useEditorApi();
  const empty = useEditor((s) => s.nodes.length === 0 && !s.pendingLayout);
  if (!empty) return null;
  return (
    <div className="sy-empty">
      <h2>Start a flow</h2>
      <p>Drag a node from the palette onto the canvas, or click it to add it here.</p>
      <p className="sy-muted">Or start from a template:</p>
      <ul className="sy-empty__templates">
        {FLOW_TEMPLATES.map((t) => (
          <li key={t.key}>
            <button
              type="button"
              className="sy-button"
              onClick={() => {
                const doc = templateByKey(t.key);
                if (doc) void store.getState().loadDocument(doc);
              }}
            >
              {t.document.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
