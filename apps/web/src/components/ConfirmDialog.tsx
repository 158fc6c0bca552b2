import type { ReactNode } from "react";
import { Dialog } from "./Dialog";
import { ErrorMessage } from "./ErrorMessage";

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  /** Keeps the confirm button off until the user has done what the dialog asks (typed a name). */
  confirmDisabled?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" with the consequence spelled out; Cancel has focus, so Enter never destroys by accident. */
export function ConfirmDialog({ title, children, confirmLabel, danger, busy, confirmDisabled, error, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="sy-button" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className={`sy-button ${danger ? "sy-button--danger-solid" : "sy-button--primary"}`} onClick={onConfirm} disabled={busy || confirmDisabled}>
            {busy ? "Working…" : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error !== undefined && error !== null && <ErrorMessage error={error} />}
    </Dialog>
  );
}
