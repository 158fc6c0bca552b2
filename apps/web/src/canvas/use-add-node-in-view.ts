import { useCallback } from "react";
import { useReactFlow } from "@xyflow/react";
import { useEditorApi } from "../editor/editor-context";

const STAGGER = 24;

/** Click-to-add: puts the node in the middle of what the canvas shows, nudged off any node already there. */
export function useAddNodeInView(): (type: string) => void {
  const store = useEditorApi();
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(
    (type: string) => {
      const pane = document.querySelector(".sy-canvas")?.getBoundingClientRect();
      const center = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 };
      let at = screenToFlowPosition(center);
      at = { x: at.x - 120, y: at.y - 40 };
      const taken = (p: { x: number; y: number }) => store.getState().nodes.some((n) => Math.abs(n.position.x - p.x) < 8 && Math.abs(n.position.y - p.y) < 8);
      for (let i = 0; i < 20 && taken(at); i++) at = { x: at.x + STAGGER, y: at.y + STAGGER };
      store.getState().addNode(type, at);
    },
    [screenToFlowPosition, store],
  );
}
