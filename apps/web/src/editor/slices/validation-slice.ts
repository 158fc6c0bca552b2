import type { ValidationProblem } from "@switchyard/core";
import { indexProblems, NO_PROBLEMS } from "../problems";
import type { EditorSlice, ValidationSlice } from "../editor-state";

export const createValidationSlice: EditorSlice<ValidationSlice> = (set, get) => ({
  problems: NO_PROBLEMS,
  setProblems: (problems: ValidationProblem[]) => {
    // Same problems as before: keep the old object so nodes showing them don't re-render.
    if (JSON.stringify(problems) === JSON.stringify(get().problems.all)) return;
    set({ problems: indexProblems(problems) });
  },
});
