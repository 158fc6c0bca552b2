/**
 * Injected into the page before the app loads (as a string: the bench's TypeScript has no DOM
 * types). A requestAnimationFrame loop records frame-to-frame times, a PerformanceObserver records
 * long tasks, a MutationObserver notes which frames changed the DOM, a stand-in React DevTools hook
 * counts React commits, and it creates the
 * `window.__switchyardRunStats` counters the run view fills in (apps/web/src/run/use-run-stream.ts).
 */
export const RECORDER_SCRIPT = String.raw`
(() => {
  const state = { recording: false, frames: [], longTasks: [], last: 0, mutated: false, mutationFrames: 0, updateFrames: 0, maxUpdatesPerFrame: 0, lastUpdates: 0, transform: "", movedFrames: 0, minZoom: Infinity, maxZoom: 0, commits: 0, commitsThisFrame: 0, maxCommitsPerFrame: 0 };
  window.__switchyardRunStats = { events: 0, updates: 0, maxBatch: 0 };
  // A stand-in for the React DevTools hook: react-dom (production builds too) reports every commit to it.
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() { return 1; },
    onCommitFiberRoot() { if (state.recording) { state.commits += 1; state.commitsThisFrame += 1; } },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
  const loop = (time) => {
    if (state.recording) {
      if (state.last) state.frames.push(time - state.last);
      state.last = time;
      const updates = window.__switchyardRunStats.updates;
      const inFrame = updates - state.lastUpdates;
      state.lastUpdates = updates;
      if (inFrame > 0) state.updateFrames += 1;
      state.maxUpdatesPerFrame = Math.max(state.maxUpdatesPerFrame, inFrame);
      state.maxCommitsPerFrame = Math.max(state.maxCommitsPerFrame, state.commitsThisFrame);
      state.commitsThisFrame = 0;
      if (state.mutated) state.mutationFrames += 1;
      state.mutated = false;
      const transform = document.querySelector(".react-flow__viewport")?.style.transform ?? "";
      if (transform !== state.transform) state.movedFrames += 1;
      state.transform = transform;
      const zoom = Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
      if (zoom === zoom) { state.minZoom = Math.min(state.minZoom, zoom); state.maxZoom = Math.max(state.maxZoom, zoom); }
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    if (state.recording) for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: "longtask" });
  let observer;
  window.__canvasBench = {
    /** The flow is open: at least \`nodes\` nodes rendered, layout done. */
    ready(nodes) {
      return !document.querySelector(".sy-canvas.is-laying-out") && document.querySelectorAll(".react-flow__node").length >= nodes;
    },
    /** A point on the canvas' empty background (a drag there pans; on a node it would move the node). */
    panePoint() {
      const box = document.querySelector(".react-flow")?.getBoundingClientRect();
      if (!box) return null;
      for (let fy = 0.3; fy < 0.8; fy += 0.05) {
        for (let fx = 0.3; fx < 0.8; fx += 0.03) {
          const x = box.left + box.width * fx;
          const y = box.top + box.height * fy;
          if (document.elementFromPoint(x, y)?.classList.contains("react-flow__pane")) return { x, y };
        }
      }
      return null;
    },
    /** The totals bar's status pill ("running", "run completed"…), or "". */
    runStatus() {
      return document.querySelector(".sy-totals .sy-pill")?.textContent ?? "";
    },
    start() {
      Object.assign(state, { recording: true, frames: [], longTasks: [], last: 0, mutated: false, mutationFrames: 0, updateFrames: 0, maxUpdatesPerFrame: 0, transform: "", movedFrames: 0, minZoom: Infinity, maxZoom: 0, commits: 0, commitsThisFrame: 0, maxCommitsPerFrame: 0 });
      Object.assign(window.__switchyardRunStats, { events: 0, updates: 0, maxBatch: 0 });
      state.lastUpdates = 0;
      observer = new MutationObserver(() => { state.mutated = true; });
      observer.observe(document.querySelector(".react-flow") || document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    stop() {
      state.recording = false;
      observer && observer.disconnect();
      return {
        frames: state.frames,
        longTasks: state.longTasks,
        mutationFrames: state.mutationFrames,
        updateFrames: state.updateFrames,
        maxUpdatesPerFrame: state.maxUpdatesPerFrame,
        movedFrames: state.movedFrames,
        commits: state.commits,
        maxCommitsPerFrame: state.maxCommitsPerFrame,
        zoom: [state.minZoom, state.maxZoom],
        stats: { ...window.__switchyardRunStats },
      };
    },
  };
})();
`;

export interface Recording {
  frames: number[];
  longTasks: number[];
  /** Frames in which the canvas' DOM changed (a proxy for React commits that reached the canvas). */
  mutationFrames: number;
  /** Frames in which the run store was updated. */
  updateFrames: number;
  maxUpdatesPerFrame: number;
  /** Frames in which the viewport (pan/zoom transform) changed, and the zoom range seen. */
  movedFrames: number;
  zoom: [number, number];
  /** React commits (counted through a stand-in DevTools hook), and the most in one frame. */
  commits: number;
  maxCommitsPerFrame: number;
  stats: { events: number; updates: number; maxBatch: number };
}
