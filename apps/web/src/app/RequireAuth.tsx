import type { ReactNode } from "react";
import { Redirect, useLocation, useSearch } from "wouter";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { useMe } from "./use-me";

/** Renders its children for a signed-in user; sends anyone else to sign in, and back here after. */
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
    const next = encodeURIComponent(`${location}${search ? `?${search}` : ""}`);
    return <Redirect to={`/sign-in?next=${next}${me.data?.sessionExpired ? "&expired=1" : ""}`} replace />;
  }
  return <>{children}</>;
}
