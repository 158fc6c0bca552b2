/** The drag payload type for palette entries; a custom MIME type so stray text drops are ignored. */
export const NODE_DRAG_TYPE = "application/x-switchyard-node";
