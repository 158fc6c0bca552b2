import { useCallback, useEffect, useState, type DragEvent } from "react";
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, type IsValidConnection, type OnError } from "@xyflow/react";
import { useShallow } from "zustand/react/shallow";
import { useEditor, useEditorApi } from "../editor/editor-context";
import type { EditorEdge, EditorNode } from "../editor/editor-types";
import { edgeTypes, nodeTypes } from "./node-types";
import { EdgeMarkers } from "./edges/EdgeMarkers";
import { NODE_DRAG_TYPE } from "./palette-drag";
import { minimapColor } from "./minimap-color";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useNamedNodes } from "./node-aria";
import { useCanvasDetailClasses } from "./use-canvas-detail";

/** Missing handles and unknown types are reported by validation on the canvas; React Flow's console warnings would only repeat them. */
const HANDLED_ERRORS = new Set(["003", "008", "011"]);
const onError: OnError = (code, message) => {
  if (!HANDLED_ERRORS.has(code)) console.warn(`React Flow ${code}: ${message}`);
};

const FIT_VIEW = { padding: 0.06, maxZoom: 1 };
/** Smaller than the default so it covers less of a 1280 px canvas. */
const MINIMAP_SIZE = { width: 150, height: 100 };

/** The flow canvas: controlled by the editor store, drop target of the palette; `readOnly` still lets you select and pan. */
export function FlowCanvas({ readOnly = false }: { readOnly?: boolean }) {
  const store = useEditorApi();
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect } = useEditor(
    useShallow((s) => ({ nodes: s.nodes, edges: s.edges, onNodesChange: s.onNodesChange, onEdgesChange: s.onEdgesChange, onConnect: s.onConnect })),
  );
  const namedNodes = useNamedNodes(nodes);
  const pendingLayout = useEditor((s) => s.pendingLayout);
  const fitViewRequest = useEditor((s) => s.fitViewRequest);
  const detail = useCanvasDetailClasses();
  const { fitView, screenToFlowPosition } = useReactFlow<EditorNode, EditorEdge>();
  useEditorShortcuts(store, readOnly);

  // Nothing to fit on an empty canvas: React Flow would keep the fit queued until the first node
  // appears and then yank the node just dropped away from the cursor to the middle of the view.
  const [fitOnOpen] = useState(() => store.getState().nodes.length > 0);
  useEffect(() => {
    if (fitViewRequest > 0 && store.getState().nodes.length > 0) void fitView({ ...FIT_VIEW, duration: 200 });
  }, [fitViewRequest, fitView, store]);

  const isValidConnection: IsValidConnection<EditorEdge> = useCallback(
    (c) => c.source !== c.target && !store.getState().edges.some((e) => e.source === c.source && e.target === c.target && e.sourceHandle === c.sourceHandle),
    [store],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (readOnly || !event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    },
    [readOnly],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
      if (!type || readOnly) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Drop under the cursor by the node's header, not its top-left corner.
      store.getState().addNode(type, { x: at.x - 20, y: at.y - 16 });
    },
    [screenToFlowPosition, store, readOnly],
  );

  return (
    <div className={`sy-canvas${pendingLayout ? " is-laying-out" : ""}${detail}`} onDragOver={onDragOver} onDrop={onDrop}>
      <EdgeMarkers />
      <ReactFlow<EditorNode, EditorEdge>
        nodes={namedNodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onError={onError}
        deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        multiSelectionKeyCode={["Meta", "Control"]}
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        attributionPosition="bottom-center"
        aria-label="Flow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} color="var(--grid)" />
        <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={2} ariaLabel="Minimap" style={MINIMAP_SIZE} />
        <Controls fitViewOptions={FIT_VIEW} aria-label="Zoom controls" />
      </ReactFlow>
    </div>
  );
}
