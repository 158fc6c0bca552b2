import type { FlowDocument } from "@switchyard/core";
import { fromFlowDocument, toFlowDocument } from "../flow-mapping";
import { layoutNodes } from "../layout";
import { snapshotOf, type DocumentSlice, type EditorSlice } from "../editor-state";

export const createDocumentSlice: EditorSlice<DocumentSlice> = (set, get) => ({
  pendingLayout: false,
  fitViewRequest: 0,

  loadDocument: async (doc: FlowDocument) => {
    const imported = fromFlowDocument(doc);
    // Loading is undoable, so "New from template" never loses the flow you were editing.
    if (get().nodes.length > 0) get().commit();
    const needsLayout = imported.unpositioned.length > 0;
    set({ meta: imported.meta, nodes: imported.nodes, edges: imported.edges, pendingLayout: needsLayout });
    if (!needsLayout) {
      set({ fitViewRequest: get().fitViewRequest + 1 });
      return;
    }
    try {
      const positions = await layoutNodes(imported.nodes, imported.edges);
      // The layout belongs to the import, not to a separate undo step.
      set({ nodes: get().nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) });
    } finally {
      set({ pendingLayout: false, fitViewRequest: get().fitViewRequest + 1 });
    }
  },

  autoLayout: async () => {
    const { nodes, edges } = snapshotOf(get());
    if (nodes.length === 0) return;
    const positions = await layoutNodes(nodes, edges);
    get().commit();
    set({ nodes: get().nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })), fitViewRequest: get().fitViewRequest + 1 });
  },

  toDocument: () => toFlowDocument(snapshotOf(get())),
});
