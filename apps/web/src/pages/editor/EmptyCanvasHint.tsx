import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { useEditor, useEditorApi } from "../../editor/editor-context";
import { parseFlowValue } from "../../editor/flow-file";
import { useFlowSession } from "./flow-session";
import { useEditorMessage } from "./editor-message";

/** Shown on an empty canvas: how to start, and the templates one click away. */
export function EmptyCanvasHint() {
  const store = useEditorApi();
  const trpc = useTRPC();
  const { readOnly } = useFlowSession();
  const { show } = useEditorMessage();
  const empty = useEditor((s) => s.nodes.length === 0 && !s.pendingLayout);
  const templates = useQuery(trpc.catalog.templates.queryOptions(undefined, { staleTime: Infinity, enabled: empty && !readOnly }));
  if (!empty) return null;
  if (readOnly) {
    return (
      <div className="sy-empty">
        <h2>This flow is empty</h2>
      </div>
    );
  }
  const open = (raw: unknown, name: string) => {
    const parsed = parseFlowValue(raw);
    if (!parsed.ok) return show({ kind: "error", text: `The template “${name}” can't be opened: ${parsed.message}.` });
    void store.getState().loadDocument(parsed.document);
  };
  return (
    <div className="sy-empty">
      <h2>Start a flow</h2>
      <p>Drag a node from the palette onto the canvas, or click it to add it here.</p>
      {templates.data && templates.data.length > 0 && (
        <>
          <p className="sy-muted">Or start from a template:</p>
          <ul className="sy-empty__templates">
            {templates.data.map((t) => (
              <li key={t.id}>
                <button type="button" className="sy-button" onClick={() => open(t.document, t.name)}>
                  {t.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
