import { copySelection, pasteClipboard } from "../clipboard";
import type { ClipboardSlice, EditorSlice } from "../editor-state";

const PASTE_OFFSET = 40;

export const createClipboardSlice: EditorSlice<ClipboardSlice> = (set, get) => ({
  clipboard: undefined,
  pasteCount: 0,
  copy: () => {
    const clipboard = copySelection(get().nodes, get().edges);
    if (clipboard) set({ clipboard, pasteCount: 0 });
  },
  paste: () => {
    const { clipboard, nodes, edges, pasteCount } = get();
    if (!clipboard) return;
    // Each paste lands a step further away, so repeated pastes don't stack exactly on top of each other.
    const shift = PASTE_OFFSET * (pasteCount + 1);
    const pasted = pasteClipboard(clipboard, new Set(nodes.map((n) => n.id)), new Set(edges.map((e) => e.id)), { x: shift, y: shift });
    get().commit();
    set({
      nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted.nodes],
      edges: [...edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...pasted.edges],
      pasteCount: pasteCount + 1,
    });
  },
});
