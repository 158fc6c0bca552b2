import type { EdgeProps } from "@xyflow/react";
import type { EditorEdge } from "../../editor/editor-types";

export type FlowEdgeProps = EdgeProps<EditorEdge>;

/** Marker ids defined once by <EdgeMarkers />. */
export const MARKER = {
  plain: "sy-arrow",
  accent: "sy-arrow-accent",
  warm: "sy-arrow-warm",
  error: "sy-arrow-error",
} as const;
