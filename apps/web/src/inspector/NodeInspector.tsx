import { useMemo } from "react";
import type { ValidationProblem } from "@switchyard/core";
import { catalogEntry } from "../catalog/node-catalog";
import { nodeIcon } from "../catalog/node-appearance";
import type { ModelGroup } from "../catalog/models";
import { useEditor, useEditorApi } from "../editor/editor-context";
import { dataFieldOf, shortMessage } from "../editor/problems";
import type { EditorNode } from "../editor/editor-types";
import { NodeRunDetails } from "../run/NodeRunDetails";
import { isJsonSchema } from "./schema/json-schema";
import { FormContext, type FormContextValue } from "./schema/form-context";
import { SchemaForm } from "./schema/SchemaForm";
import { NodeIdField } from "./NodeIdField";
import { ProblemList } from "./ProblemList";
import { useReferenceScope } from "./use-reference-scope";

const NONE: ValidationProblem[] = [];

/** The selected node: its id, a form generated from its type's schema, its problems and its last run. */
export function NodeInspector({ node, models }: { node: EditorNode; models: ModelGroup[] }) {
  const store = useEditorApi();
  const type = node.type ?? "unknown";
  const entry = catalogEntry(type);
  const problems = useEditor((s) => s.problems.byNode[node.id]) ?? NONE;
  const scope = useReferenceScope(node.id);
  const schema = isJsonSchema(entry?.dataSchema) ? entry.dataSchema : undefined;

  const form = useMemo((): FormContextValue => {
    const messages = new Map<string, string[]>();
    for (const p of problems) {
      const field = dataFieldOf(p);
      if (field) messages.set(field, [...(messages.get(field) ?? []), shortMessage(p)]);
    }
    return { models, scope, idPrefix: `node-${node.id}`, messagesAt: (path) => messages.get(path) ?? [] };
  }, [problems, models, scope, node.id]);

  // Problems no field shows: node-wide ones, and those about keys the form doesn't render.
  const properties = new Set(Object.keys(schema?.properties ?? {}));
  const general = problems.filter((p) => {
    const field = dataFieldOf(p);
    return !field || !properties.has(field.split(".")[0] ?? "");
  });

  return (
    <div className="sy-inspector__body">
      <header className="sy-inspector__header">
        <span className="sy-inspector__icon" aria-hidden="true">
          {nodeIcon(type)}
        </span>
        <div>
          <h2 className="sy-inspector__title">{entry?.label ?? `Unknown type '${type}'`}</h2>
          {entry && <p className="sy-inspector__description">{entry.description}</p>}
        </div>
      </header>
      <NodeIdField key={node.id} nodeId={node.id} />
      <ProblemList problems={general} />
      {schema && (
        <FormContext.Provider value={form}>
          <SchemaForm schema={schema} value={node.data} path="" onChange={(next, leaf) => store.getState().updateNodeData(node.id, next, `data:${node.id}:${leaf}`)} />
        </FormContext.Provider>
      )}
      <NodeRunDetails nodeId={node.id} />
      <div className="sy-inspector__actions">
        <button type="button" className="sy-button sy-button--danger" onClick={() => store.getState().deleteSelection()}>
          Delete node
        </button>
      </div>
    </div>
  );
}
