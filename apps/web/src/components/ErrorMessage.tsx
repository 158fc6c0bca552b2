import { errorMessage } from "../api/errors";

interface ErrorMessageProps {
  error: unknown;
  /** What failed, e.g. "Couldn't load flows". */
  title?: string;
  onRetry?: () => void;
}

/** A failed call where it happened: what failed, the server's sentence, and a retry when it may help. */
export function ErrorMessage({ error, title, onRetry }: ErrorMessageProps) {
  return (
    <div className="sy-error" role="alert">
      {title && <strong className="sy-error__title">{title}</strong>}
      <span>{errorMessage(error)}</span>
      {onRetry && (
        <button type="button" className="sy-button sy-button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
