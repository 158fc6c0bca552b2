import { memo } from "react";
import { BaseEdge, getBezierPath } from "@xyflow/react";
import { useEditor } from "../../editor/editor-context";
import { useEdgeRun, useNodeRun } from "../../run/run-context";
import { MARKER, type FlowEdgeProps } from "./edge-props";

/** A plain data edge; in a run it lights up once data went along it, and flows while its target works. */
export const DataEdge = memo(function DataEdge(props: FlowEdgeProps) {
  const { id, target, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const carried = useEdgeRun(id) === "carried";
  const flowing = useNodeRun(target)?.status === "running" && carried;
  const problem = useEditor((s) => Boolean(s.problems.byEdge[id]));
  const classes = ["sy-edge", carried ? "is-carried" : "", flowing ? "is-flowing" : "", selected ? "is-selected" : "", problem ? "has-problem" : ""];
  const marker = problem ? MARKER.error : carried || selected ? MARKER.accent : MARKER.plain;
  return <BaseEdge id={id} path={path} className={classes.filter(Boolean).join(" ")} markerEnd={`url(#${marker})`} interactionWidth={16} />;
});
