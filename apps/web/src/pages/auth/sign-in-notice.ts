/** Why someone is asked to sign in again, as the sign-in page says it. */
export interface SignInNotice {
  kind: "info" | "error";
  text: string;
}

/**
 * Read from the sign-in address (`reason`, `draft`: set by the auth gate when the session went away)
 * and from the server's word that the session cookie had expired; undefined for an ordinary sign-in.
 */
export function signInNotice(search: URLSearchParams, serverSaysExpired: boolean): SignInNotice | undefined {
  const reason = search.get("reason");
  if (reason === "ended") {
    const draft = search.get("draft");
    if (draft === "kept") return { kind: "info", text: "Your session ended. Sign in again to get back to your flow — your unsaved changes are kept." };
    if (draft === "lost")
      return { kind: "error", text: "Your session ended, and this browser would not keep your unsaved changes (its storage is full or turned off). Sign in again to continue." };
    return { kind: "info", text: "Your session ended. Sign in again to continue." };
  }
  if (reason === "expired" || serverSaysExpired) return { kind: "info", text: "Your session has expired; please sign in again." };
  return undefined;
}
