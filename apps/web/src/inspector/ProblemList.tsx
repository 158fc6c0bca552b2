import type { ValidationProblem } from "@switchyard/core";
import { useEditorApi } from "../editor/editor-context";

/** Problems as a list; with `navigate`, each one selects the node or edge it is about. */
export function ProblemList({ problems, navigate }: { problems: readonly ValidationProblem[]; navigate?: boolean }) {
  const store = useEditorApi();
  if (problems.length === 0) return null;
  return (
    <ul className="sy-problems" aria-label="Problems">
      {problems.map((p, i) => {
        const target = p.nodeId ?? p.edgeId;
        const text = (
          <>
            <span className={`sy-problems__icon sy-problems__icon--${p.severity}`} aria-label={p.severity}>
              {p.severity === "error" ? "!" : "?"}
            </span>
            <span>{p.message}</span>
          </>
        );
        return (
          <li key={`${p.code}-${i}`} className={`sy-problems__item sy-problems__item--${p.severity}`}>
            {navigate && target ? (
              <button
                type="button"
                className="sy-problems__link"
                onClick={() => store.getState().select(p.nodeId ? { nodes: [p.nodeId] } : { edges: [p.edgeId ?? ""] })}
              >
                {text}
              </button>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}
