import { useId, useLayoutEffect, useRef, type ReactNode } from "react";

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons along the bottom. */
  actions?: ReactNode;
  wide?: boolean;
}

/** A modal dialog on the native `<dialog>`: focus trapped, Escape closes, the page behind inert. Render it only while open. */
export function Dialog({ title, onClose, children, actions, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`sy-dialog${wide ? " sy-dialog--wide" : ""}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="sy-dialog__title">
        {title}
      </h2>
      <div className="sy-dialog__body">{children}</div>
      {actions && <div className="sy-dialog__actions">{actions}</div>}
    </dialog>
  );
}
