import { useMemo } from "react";
import { diffWords, hasChanges, sideOf, type DiffPart } from "./text-diff";
import "./diff.css";

export interface TextDiff {
  before: DiffPart[];
  after: DiffPart[];
  changed: boolean;
}

/** A word diff of two texts, split into what each side shows. */
export function useTextDiff(before: string, after: string): TextDiff {
  return useMemo(() => {
    const parts = diffWords(before, after);
    return {
      before: sideOf(parts, "before"),
      after: sideOf(parts, "after"),
      changed: hasChanges(parts),
    };
  }, [before, after]);
}

/**
 * One side of a diff as plain text (React escapes it; never HTML): words only this side has are
 * struck out (before) or marked (after); `empty` stands in for a side with no text.
 */
export function DiffPane({
  parts,
  empty,
  label,
}: {
  parts: readonly DiffPart[];
  empty?: string | undefined;
  label: string;
}) {
  if (empty !== undefined) return <p className="sy-diff__empty">{empty}</p>;
  return (
    <pre className="sy-diff__text" aria-label={label}>
      {parts.map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "removed" ? (
          <del key={i} className="sy-diff__removed">
            {part.text}
          </del>
        ) : (
          <ins key={i} className="sy-diff__added">
            {part.text}
          </ins>
        ),
      )}
    </pre>
  );
}
