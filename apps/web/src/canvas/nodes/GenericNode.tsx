import { memo } from "react";
import { NodeShell } from "./NodeShell";
import type { FlowNodeProps } from "./node-props";

/** Most node types need nothing beyond the shared frame. */
export const GenericNode = memo(function GenericNode({ id, type, data, selected }: FlowNodeProps) {
  return <NodeShell id={id} type={type} data={data} selected={selected} />;
});
