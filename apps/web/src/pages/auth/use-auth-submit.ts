import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useLocation, useSearch } from "wouter";
import { clearSessionEnd } from "../../app/session-end";
import { safeNextPath, type AuthResult } from "./auth-client";

/** Runs a sign-in/sign-up call; on success drops every cached answer (they belonged to nobody) and goes on. */
export function useAuthSubmit() {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const search = useSearch();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (call: () => Promise<AuthResult>) => {
    setBusy(true);
    setError(undefined);
    const result = await call();
    if (!result.ok) {
      setBusy(false);
      setError(result.message);
      return;
    }
    queryClient.clear();
    clearSessionEnd();
    navigate(safeNextPath(new URLSearchParams(search).get("next")), { replace: true });
  };
  return { submit, busy, error };
}
