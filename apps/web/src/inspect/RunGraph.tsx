import { useCallback, useEffect, useLayoutEffect, useMemo } from "react";
import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeChange,
} from "@xyflow/react";
import type { FlowDocument } from "@switchyard/core";
import { EditorProvider, useEditor, useEditorApi } from "../editor/editor-context";
import type { EditorEdge, EditorNode } from "../editor/editor-types";
import { RunProvider, useRunApi } from "../run/run-context";
import type { RunView } from "../run/run-view";
import { edgeTypes, nodeTypes } from "../canvas/node-types";
import { EdgeMarkers } from "../canvas/edges/EdgeMarkers";
import { withAriaLabel } from "../canvas/node-aria";

interface RunGraphProps {
  document: FlowDocument;
  view: RunView;
  selected: string | undefined;
  onSelect: (nodeId: string) => void;
}

const FIT_VIEW = { padding: 0.08, maxZoom: 1 };

/**
 * The flow version as it ran, drawn by the editor's own canvas nodes but read-only: each node shows
 * its final (or live) state from the run view. Click a node, or focus it and press Enter, to inspect it.
 */
export function RunGraph({ document, view, selected, onSelect }: RunGraphProps) {
  const options = useMemo(() => ({ document }), [document]);
  return (
    <EditorProvider options={options}>
      <RunProvider>
        <ReactFlowProvider>
          <RunViewSync view={view} />
          <ReadOnlyCanvas selected={selected} onSelect={onSelect} />
        </ReactFlowProvider>
      </RunProvider>
    </EditorProvider>
  );
}

/** Hands the page's run view to the canvas nodes, which read it from the run store. */
function RunViewSync({ view }: { view: RunView }) {
  const store = useRunApi();
  useLayoutEffect(() => store.setState({ view }), [store, view]);
  return null;
}

function ReadOnlyCanvas({
  selected,
  onSelect,
}: {
  selected: string | undefined;
  onSelect: (nodeId: string) => void;
}) {
  const store = useEditorApi();
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const pendingLayout = useEditor((s) => s.pendingLayout);
  const fitViewRequest = useEditor((s) => s.fitViewRequest);
  const { fitView } = useReactFlow<EditorNode, EditorEdge>();

  useEffect(() => {
    if (fitViewRequest > 0) void fitView(FIT_VIEW);
  }, [fitViewRequest, fitView]);

  const shown = useMemo(
    () =>
      nodes.map((n) =>
        withAriaLabel(
          Boolean(n.selected) === (n.id === selected) ? n : { ...n, selected: n.id === selected },
        ),
      ),
    [nodes, selected],
  );

  // Only measurements are kept (edges need them); selection is the page's, and nothing else may change.
  const onNodesChange = useCallback(
    (changes: NodeChange<EditorNode>[]) => {
      const measured = changes.filter((c) => c.type === "dimensions");
      if (measured.length)
        store.setState({ nodes: applyNodeChanges(measured, store.getState().nodes) });
      for (const c of changes) if (c.type === "select" && c.selected) onSelect(c.id);
    },
    [store, onSelect],
  );

  return (
    <div className={`sy-canvas sy-run-graph${pendingLayout ? " is-laying-out" : ""}`}>
      <EdgeMarkers />
      <ReactFlow<EditorNode, EditorEdge>
        nodes={shown}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={(_, node) => onSelect(node.id)}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.2}
        maxZoom={1.5}
        attributionPosition="bottom-right"
        aria-label="Flow graph of this run (read-only). Focus a node and press Enter to inspect it."
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} color="var(--grid)" />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW} aria-label="Zoom controls" />
      </ReactFlow>
    </div>
  );
}
