import { useLayoutEffect, type ReactNode } from "react";
import { useLocation, useSearch } from "wouter";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { navigateWithoutAsking } from "./leave-guard";
import { sessionEnd } from "./session-end";
import { useMe } from "./use-me";

/** Renders its children for a signed-in user; sends anyone else to sign in (saying why), and back here after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const [location] = useLocation();
  const search = useSearch();
  if (me.isPending) return <Loading block label="Loading Switchyard…" />;
  if (me.isError && !me.data) {
    return (
      <main className="sy-page">
        <ErrorMessage title="Couldn't reach Switchyard" error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!me.data?.user) {
    const params = new URLSearchParams({ next: `${location}${search ? `?${search}` : ""}` });
    const ended = sessionEnd();
    if (ended) {
      params.set("reason", "ended");
      if (ended.draft) params.set("draft", ended.draft);
    } else if (me.data?.sessionExpired) params.set("reason", "expired");
    return <SignInRedirect to={`/sign-in?${params.toString()}`} />;
  }
  return <>{children}</>;
}

/** Being sent to sign in is not the user's choice, so the leave guard must not ask (a "Cancel" would leave a blank page). */
function SignInRedirect({ to }: { to: string }) {
  useLayoutEffect(() => navigateWithoutAsking(to, { replace: true }), [to]);
  return null;
}
