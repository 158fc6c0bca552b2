import { createStore, type StoreApi } from "zustand/vanilla";
import { validateFlow, type FlowDocument, type ValidateOptions } from "@switchyard/core";
import type { EditorState } from "./editor-state";
import { createGraphSlice } from "./slices/graph-slice";
import { createHistorySlice } from "./slices/history-slice";
import { createClipboardSlice } from "./slices/clipboard-slice";
import { createDocumentSlice } from "./slices/document-slice";
import { createValidationSlice } from "./slices/validation-slice";

export interface EditorStoreOptions {
  /** Flow to open; laid out automatically when its nodes have no positions. */
  document?: FlowDocument;
  /** Quiet time after the last change before the flow is validated again. */
  validateDelayMs?: number;
  checkModel?: ValidateOptions["checkModel"];
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** One store per editor (several editors may be open, e.g. a diff view), as xyflow does it. */
export function createEditorStore(options: EditorStoreOptions = {}) {
  const store = createStore<EditorState>()((...a) => ({
    ...createGraphSlice(...a),
    ...createHistorySlice(...a),
    ...createClipboardSlice(...a),
    ...createDocumentSlice(...a),
    ...createValidationSlice(...a),
  }));
  watchValidation(store, options);
  if (options.document) void store.getState().loadDocument(options.document);
  return store;
}

/** Re-validates (debounced) whenever the document may have changed, so typing never waits on validation. */
function watchValidation(store: StoreApi<EditorState>, options: EditorStoreOptions): void {
  const delay = options.validateDelayMs ?? 150;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    const result = validateFlow(store.getState().toDocument(), { ...(options.checkModel ? { checkModel: options.checkModel } : {}) });
    store.getState().setProblems(result.problems);
  };
  store.subscribe((state, previous) => {
    if (state.nodes === previous.nodes && state.edges === previous.edges && state.meta === previous.meta) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, delay);
  });
  run();
}
