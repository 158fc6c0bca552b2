import { createContext, useContext } from "react";
import type { ModelGroup } from "../../catalog/models";
import type { ReferenceScope } from "../template-completion";

/** What deep fields need without threading props through every level of the form. */
export interface FormContextValue {
  models: ModelGroup[];
  scope: ReferenceScope;
  /** Messages of problems pinned to exactly this data path (e.g. `retry.maxAttempts`). */
  messagesAt: (path: string) => string[];
  /** Stable prefix for element ids, so labels point at the right control. */
  idPrefix: string;
}

export const FormContext = createContext<FormContextValue>({
  models: [],
  scope: { inputs: [], nodes: [], selfId: "" },
  messagesAt: () => [],
  idPrefix: "field",
});

export function useFormContext(): FormContextValue {
  return useContext(FormContext);
}

/** A field's value changed; `leaf` is the path that was edited, used to merge a burst of typing into one undo step. */
export type FieldChange = (value: unknown, leaf: string) => void;

export interface FieldProps {
  id: string;
  path: string;
  value: unknown;
  onChange: FieldChange;
}

export function joinPath(parent: string, key: string | number): string {
  return parent ? `${parent}.${key}` : String(key);
}

export function domId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
