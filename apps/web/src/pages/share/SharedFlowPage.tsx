import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "wouter";
import { errorCode } from "../../api/errors";
import { useTRPC } from "../../api/trpc";
import { Logo } from "../../app/AppShell";
import { useDocumentTitle } from "../../app/use-document-title";
import { useMe } from "../../app/use-me";
import { rememberWorkspace } from "../../app/workspace-context";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { parseFlowValue } from "../../editor/flow-file";
import { downloadText, fileNameFor } from "../../util/download";
import { ForkDialog } from "./ForkDialog";
import { SharedCanvas } from "./SharedCanvas";

/** `/shared/:token`: a flow opened by its read-only link, signed in or not; signed-in people can fork it. */
export function SharedFlowPage() {
  const { token = "" } = useParams<{ token: string }>();
  const trpc = useTRPC();
  const me = useMe();
  const [, navigate] = useLocation();
  const [forking, setForking] = useState(false);
  const shared = useQuery(trpc.shares.openLink.queryOptions({ token }, { retry: false }));
  const parsed = useMemo(() => (shared.data ? parseFlowValue(shared.data.document) : undefined), [shared.data]);
  useDocumentTitle(shared.data ? `${shared.data.name} (read-only)` : "Shared flow");
  const user = me.data?.user;
  const here = encodeURIComponent(`/shared/${token}`);

  return (
    <div className="sy-shell">
      <header className="sy-header">
        <Link href="/" className="sy-header__brand" aria-label="Switchyard">
          <Logo />
          <span>Switchyard</span>
        </Link>
        <div className="sy-header__end">
          {user ? (
            <Link href="/" className="sy-header__link">
              Your flows
            </Link>
          ) : (
            <>
              <Link href={`/sign-in?next=${here}`} className="sy-header__link">
                Sign in
              </Link>
              <Link href={`/sign-up?next=${here}`} className="sy-header__link">
                Create an account
              </Link>
            </>
          )}
        </div>
      </header>
      <div className="sy-shell__content sy-shared">
        {shared.isPending ? (
          <Loading block label="Opening the shared flow…" />
        ) : shared.isError ? (
          <main className="sy-page" id="content">
            <div className="sy-no-access" role="alert">
              <h1 className="sy-no-access__title">{errorCode(shared.error) === "NOT_FOUND" ? "This link doesn't work (any more)" : "Couldn't open this link"}</h1>
              <ErrorMessage error={shared.error} onRetry={errorCode(shared.error) === "NOT_FOUND" ? undefined : () => void shared.refetch()} />
              <p className="sy-muted">Whoever shared it may have revoked it. Ask them for a new link.</p>
            </div>
          </main>
        ) : !parsed?.ok ? (
          <main className="sy-page" id="content">
            <p className="sy-notice sy-notice--error" role="alert">
              This flow can't be shown: {parsed?.message ?? "it could not be read"}.
            </p>
          </main>
        ) : (
          <>
            <div className="sy-toolbar sy-shared__bar" role="toolbar" aria-label="Shared flow">
              <h1 className="sy-toolbar__name sy-shared__name">{shared.data.name}</h1>
              <span className="sy-pill">v{shared.data.version}</span>
              <span className="sy-pill">read-only</span>
              <div className="sy-toolbar__group sy-toolbar__end">
                <button type="button" className="sy-button" onClick={() => downloadText(fileNameFor(shared.data.name), `${JSON.stringify(shared.data.document, null, 2)}\n`)}>
                  Export JSON
                </button>
                {user ? (
                  <button type="button" className="sy-button sy-button--primary" onClick={() => setForking(true)}>
                    Fork into my workspace
                  </button>
                ) : (
                  <Link href={`/sign-in?next=${here}`} className="sy-button sy-button--primary">
                    Sign in to fork
                  </Link>
                )}
              </div>
            </div>
            <p className="sy-banner sy-banner--readonly" role="status">
              <strong>Read-only.</strong> You are looking at this flow through a shared link: you can look and fork it, not change or run it.
              {shared.data.description ? <span className="sy-shared__description"> {shared.data.description}</span> : null}
            </p>
            <SharedCanvas document={parsed.document} />
          </>
        )}
      </div>
      {forking && shared.data && (
        <ForkDialog
          flowId={shared.data.flowId}
          flowName={shared.data.name}
          linkToken={token}
          onClose={() => setForking(false)}
          onForked={({ flowId, workspaceId }) => {
            rememberWorkspace(workspaceId);
            navigate(`/flows/${flowId}`);
          }}
        />
      )}
    </div>
  );
}
