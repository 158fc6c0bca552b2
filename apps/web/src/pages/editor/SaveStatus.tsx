import { useFlowSession } from "./flow-session";

/** Saved, saving or unsaved, in words (a dot alone would say nothing to a screen reader). */
export function SaveStatus() {
  const { dirty, saveState, baseVersion, readOnly } = useFlowSession();
  let text: string;
  let tone = "";
  if (readOnly?.kind === "no-access") text = "No access";
  else if (readOnly?.kind === "old-version") text = `Version ${readOnly.version} · read-only`;
  else if (saveState.saving) text = "Saving…";
  else if (dirty) {
    text = "Unsaved changes";
    tone = " is-dirty";
  } else text = `Saved · v${baseVersion}`;
  return (
    <span className={`sy-save-status${tone}`} role="status">
      {text}
    </span>
  );
}
