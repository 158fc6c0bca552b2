import { useShallow } from "zustand/react/shallow";
import type { ModelGroup } from "../catalog/models";
import { useEditor, useEditorApi } from "../editor/editor-context";
import { EdgeInspector } from "./EdgeInspector";
import { FlowSettings } from "./FlowSettings";
import { NodeInspector } from "./NodeInspector";

/** The right-hand panel: the selected node or edge, several selected, or the flow itself; `readOnly` disables every field. */
export function Inspector({ models, readOnly = false }: { models: ModelGroup[]; readOnly?: boolean }) {
  const store = useEditorApi();
  const nodeIds = useEditor(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));
  const edgeIds = useEditor(useShallow((s) => s.edges.filter((e) => e.selected).map((e) => e.id)));
  const node = useEditor((s) => (nodeIds.length === 1 ? s.nodes.find((n) => n.id === nodeIds[0]) : undefined));
  const edge = useEditor((s) => (nodeIds.length === 0 && edgeIds.length === 1 ? s.edges.find((e) => e.id === edgeIds[0]) : undefined));
  const count = nodeIds.length + edgeIds.length;
  return (
    <fieldset className="sy-inspector" aria-label="Inspector" disabled={readOnly}>
      {node ? (
        <NodeInspector key={node.id} node={node} models={models} />
      ) : edge ? (
        <EdgeInspector key={edge.id} edge={edge} />
      ) : count > 1 ? (
        <div className="sy-inspector__body">
          <h2 className="sy-inspector__title">
            {nodeIds.length} nodes, {edgeIds.length} edges selected
          </h2>
          <p className="sy-muted">Drag to move them together; Ctrl+C copies them.</p>
          <div className="sy-inspector__actions">
            <button type="button" className="sy-button sy-button--danger" onClick={() => store.getState().deleteSelection()}>
              Delete selection
            </button>
          </div>
        </div>
      ) : (
        <FlowSettings />
      )}
    </fieldset>
  );
}
