import { memo } from "react";
import { useEditor } from "../../editor/editor-context";
import { NodeShell } from "./NodeShell";
import type { FlowNodeProps } from "./node-props";

/** A node whose type this version doesn't know (React Flow hands it over as "default"): shown, flagged, kept. */
export const UnknownNode = memo(function UnknownNode({ id, data, selected }: FlowNodeProps) {
  const type = useEditor((s) => s.nodes.find((n) => n.id === id)?.type) ?? "unknown";
  return <NodeShell id={id} type={type} data={data} selected={selected} />;
});
