import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { authClient } from "../auth/auth-client";

/** Signed in with another address than the invited one: say so, and offer to switch accounts. */
export function SignedInAs({ email, invited }: { email: string; invited: string }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const signOut = async () => {
    setBusy(true);
    const result = await authClient.signOut();
    setBusy(false);
    if (!result.ok) return setError(result.message);
    // Stay on this page, with nothing of the old account cached: it then offers to sign in as the invited address.
    await queryClient.resetQueries();
  };
  return (
    <>
      <p className="sy-notice sy-notice--warning" role="alert">
        This invitation is for {invited}, but you are signed in as {email}. Sign out, then sign in (or sign up) as {invited} to accept it.
      </p>
      {error && (
        <p className="sy-field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="sy-button sy-button--block" disabled={busy} onClick={() => void signOut()}>
        {busy ? "Signing out…" : `Sign out of ${email}`}
      </button>
    </>
  );
}
