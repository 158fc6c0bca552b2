/** A spinner with words, announced politely; `block` centres it in the page. */
export function Loading({ label = "Loading…", block = false }: { label?: string; block?: boolean }) {
  return (
    <div className={`sy-loading${block ? " sy-loading--block" : ""}`} role="status">
      <span className="sy-spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
