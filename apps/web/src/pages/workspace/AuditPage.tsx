import { useMemo } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { useDocumentTitle } from "../../app/use-document-title";
import { useMe } from "../../app/use-me";
import { useWorkspace } from "../../app/workspace-context";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { RelativeTime } from "../../components/RelativeTime";
import { withArticle } from "../../util/roles";
import { auditSentence, type AuditNames } from "./audit-sentences";
import { WorkspaceTabs } from "./WorkspaceTabs";

const PAGE_SIZE = 30;

/** `/workspace/audit`: who changed sharing, roles and keys, and when; owners only. */
export function AuditPage() {
  useDocumentTitle("Audit log");
  const { current } = useWorkspace();
  const isOwner = current.role === "owner";
  return (
    <main className="sy-page" id="content">
      <div className="sy-page__head">
        <div>
          <h1 className="sy-page__title">Audit log</h1>
          <p className="sy-muted">of {current.name}: renames, sharing, membership, role, key and credential changes, newest first</p>
        </div>
      </div>
      <WorkspaceTabs isOwner={isOwner} />
      {isOwner ? (
        <AuditList workspaceId={current.id} />
      ) : (
        <p className="sy-notice">Only owners of {current.name} can read its audit log; you are {withArticle(current.role)}.</p>
      )}
    </main>
  );
}

function AuditList({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const me = useMe();
  const log = useInfiniteQuery(
    trpc.workspaces.audit.infiniteQueryOptions({ workspaceId, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  // The log stores emails and ids; members and flows give them names where they still exist.
  const members = useQuery(trpc.workspaces.members.queryOptions({ workspaceId }));
  const flows = useQuery(trpc.flows.list.queryOptions({ workspaceId }));
  const names = useMemo<AuditNames>(
    () => ({
      people: new Map((members.data ?? []).map((m) => [m.user.email.toLowerCase(), m.user.name || m.user.email])),
      flows: new Map((flows.data ?? []).map((f) => [f.id, f.name])),
      ...(me.data?.user ? { myEmail: me.data.user.email } : {}),
    }),
    [members.data, flows.data, me.data],
  );
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  if (log.isPending) return <Loading label="Loading the audit log…" />;
  if (log.isError) return <ErrorMessage title="Couldn't load the audit log" error={log.error} onRetry={() => void log.refetch()} />;
  if (entries.length === 0) return <p className="sy-muted">Nothing recorded yet.</p>;
  return (
    <section className="sy-card" aria-label="Audit entries">
      <ol className="sy-audit">
        {entries.map((entry) => (
          <li key={entry.id} className="sy-audit__item">
            <span className="sy-audit__text">{auditSentence(entry, names)}</span>
            <span className="sy-audit__when">
              <RelativeTime value={entry.createdAt} />
            </span>
          </li>
        ))}
      </ol>
      <div className="sy-audit__more">
        {log.hasNextPage ? (
          <button type="button" className="sy-button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? "Loading…" : "Show older entries"}
          </button>
        ) : (
          <span className="sy-muted">
            {entries.length} {entries.length === 1 ? "entry" : "entries"} · that's all
          </span>
        )}
      </div>
    </section>
  );
}
