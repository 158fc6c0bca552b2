import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { useEditor } from "../editor/editor-context";
import type { ReferenceScope } from "./template-completion";

/** What `{{…}}` in node `selfId` can reference; recomputed only when ids, types or input names change. */
export function useReferenceScope(selfId: string): ReferenceScope {
  const nodeKeys = useEditor(useShallow((s) => s.nodes.map((n) => `${n.id}\u0000${n.type ?? ""}`)));
  const inputNames = useEditor(
    useShallow((s) => [
      ...s.meta.inputs.map((i) => i.name),
      ...s.nodes.filter((n) => n.type === "input").map((n) => (typeof n.data.name === "string" ? n.data.name : n.id)),
    ]),
  );
  return useMemo(
    () => ({
      inputs: [...new Set(inputNames)],
      nodes: nodeKeys.map((key) => {
        const [id = "", type = ""] = key.split("\u0000");
        return { id, type };
      }),
      selfId,
    }),
    [nodeKeys, inputNames, selfId],
  );
}
