import type { ReactNode } from "react";
import "./page-state.css";

/** Loading, error and empty states, alike on every run page. */
export function PageState({
  kind,
  title,
  children,
  onRetry,
}: {
  kind: "loading" | "error" | "empty";
  title: string;
  children?: ReactNode;
  onRetry?: () => void;
}) {
  return (
    <div
      className={`sy-runs-state sy-runs-state--${kind}`}
      role={kind === "error" ? "alert" : "status"}
    >
      {kind === "loading" && <span className="sy-runs-spinner" aria-hidden="true" />}
      <p className="sy-runs-state__title">{title}</p>
      {children && <div className="sy-runs-state__body">{children}</div>}
      {onRetry && (
        <button type="button" className="sy-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
