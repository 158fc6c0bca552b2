import type { NodeProps } from "@xyflow/react";
import type { EditorNode } from "../../editor/editor-types";

/** Props every canvas node component receives. */
export type FlowNodeProps = NodeProps<EditorNode>;
