import { useEffect, useId, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { authClient } from "../pages/auth/auth-client";
import { useMe } from "./use-me";

/** The signed-in user; opens to show their email and "Sign out". */
export function UserMenu() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const user = me.data?.user;

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  if (!user) return null;

  const signOut = async () => {
    setBusy(true);
    const result = await authClient.signOut();
    setBusy(false);
    if (!result.ok) return setError(result.message);
    navigate("/sign-in", { replace: true });
    // Nothing of this user's data may linger for whoever signs in next.
    queryClient.clear();
  };

  return (
    <div className="sy-user" ref={root}>
      <button type="button" className="sy-user__button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        <span className="sy-avatar" aria-hidden="true">
          {(user.name || user.email).slice(0, 1).toUpperCase()}
        </span>
        <span className="sy-user__name">{user.name || user.email}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={panelId} className="sy-popover sy-user__panel">
          <p className="sy-user__who">
            <strong>{user.name}</strong>
            <span className="sy-muted">{user.email}</span>
          </p>
          {error && (
            <p className="sy-field__error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="sy-button" onClick={() => void signOut()} disabled={busy}>
            {busy ? "Signing out…" : "Sign out"}
          </button>
        </div>
      )}
    </div>
  );
}
