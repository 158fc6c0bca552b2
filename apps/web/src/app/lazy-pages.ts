import { lazy } from "react";

/**
 * Pages loaded on first visit, each in its own chunk: the flow list and sign-in open without
 * downloading the canvas (React Flow), the diff and timeline code, or the Models page. Named
 * exports are mapped to the default export React.lazy expects.
 */
export const EditorPage = lazy(() => import("../pages/editor/EditorPage").then((m) => ({ default: m.EditorPage })));
export const RunDetailPage = lazy(() => import("../pages/runs/RunDetailPage").then((m) => ({ default: m.RunDetailPage })));
export const RunHistoryPage = lazy(() => import("../pages/runs/RunHistoryPage").then((m) => ({ default: m.RunHistoryPage })));
export const RunComparePage = lazy(() => import("../pages/runs/RunComparePage").then((m) => ({ default: m.RunComparePage })));
export const SharedFlowPage = lazy(() => import("../pages/share/SharedFlowPage").then((m) => ({ default: m.SharedFlowPage })));
export const ModelsPage = lazy(() => import("../pages/insights/ModelsPage").then((m) => ({ default: m.ModelsPage })));
export const AuditPage = lazy(() => import("../pages/workspace/AuditPage").then((m) => ({ default: m.AuditPage })));
