import { memo } from "react";
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath } from "@xyflow/react";
import { useEditor } from "../../editor/editor-context";
import { useEdgeRun } from "../../run/run-context";
import { MARKER, type FlowEdgeProps } from "./edge-props";

/** A fallback edge: dashed and warm, labelled with what triggers it; solid once a run takes it. */
export const FallbackEdge = memo(function FallbackEdge(props: FlowEdgeProps) {
  const { id, data, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 12, offset: 18 });
  const taken = useEdgeRun(id) === "taken";
  const problem = useEditor((s) => Boolean(s.problems.byEdge[id]));
  const label = triggerLabel(data?.on, data?.threshold);
  const classes = ["sy-edge", "sy-edge--fallback", taken ? "is-taken" : "", selected ? "is-selected" : "", problem ? "has-problem" : ""];
  return (
    <>
      <BaseEdge id={id} path={path} className={classes.filter(Boolean).join(" ")} markerEnd={`url(#${problem ? MARKER.error : MARKER.warm})`} interactionWidth={16} />
      <EdgeLabelRenderer>
        <div
          className={`sy-edge-label sy-edge-label--fallback${taken ? " is-taken" : ""}${selected ? " is-selected" : ""}`}
          style={{ transform: labelTransform(sourceX, sourceY, targetY, labelX, labelY) }}
        >
          {taken ? "fallback taken" : "fallback"}: {label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

function triggerLabel(on: readonly string[] | undefined, threshold: number | undefined): string {
  const triggers = (on ?? ["error", "timeout"]).map((t) => (t === "low_confidence" ? `confidence < ${threshold ?? "?"}` : t));
  return triggers.join(", ");
}

/**
 * A fallback stacked below its source gets its label just under the source's fallback handle, in the
 * gap between the two; the path's midpoint would sit on the neighbouring column's nodes.
 */
function labelTransform(sourceX: number, sourceY: number, targetY: number, midX: number, midY: number): string {
  if (targetY > sourceY + 40) return `translate(0, -50%) translate(${sourceX + 8}px, ${sourceY + 14}px)`;
  return `translate(-50%, -50%) translate(${midX}px, ${midY}px)`;
}
