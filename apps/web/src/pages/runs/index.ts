export { RunHistoryPage } from "./RunHistoryPage";
export { RunDetailPage } from "./RunDetailPage";
export { RunComparePage } from "./RunComparePage";
