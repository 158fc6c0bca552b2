import { useStore as useFlowStore } from "@xyflow/react";
import { useRun } from "../run/run-context";

/**
 * Below this zoom an 11 px font is under 5 px on screen: streamed text is a grey smear, and
 * re-laying it out and repainting it on every update is pure cost. The canvas then keeps each
 * text box's size (so nothing re-measures) and skips rendering what is inside it.
 */
export const FAR_ZOOM = 0.5;

/**
 * How many nodes may work at once before edges stop animating their dashes. An animated
 * stroke-dashoffset repaints the edge's whole bounding box every frame on the main thread; a
 * 50-way fan-out would repaint most of the canvas 60 times a second. Past this many the edges
 * still show which branches carry data (colour and dashes), just without the motion.
 */
export const ANIMATED_EDGES_MAX = 8;

function countWorking(nodes: Record<string, { status: string }> | undefined): number {
  let working = 0;
  for (const id in nodes) if (nodes[id]!.status === "running" || nodes[id]!.status === "retrying") working += 1;
  return working;
}

/** Class names for the canvas container: `is-far` (level of detail) and `is-busy` (no edge motion). */
export function useCanvasDetailClasses(): string {
  const far = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const busy = useRun((s) => countWorking(s.view?.nodes) > ANIMATED_EDGES_MAX);
  return `${far ? " is-far" : ""}${busy ? " is-busy" : ""}`;
}
