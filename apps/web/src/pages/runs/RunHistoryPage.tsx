import { useState } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "wouter";
import { useTRPC } from "../../api/trpc";
import { isNoAccess } from "../../api/errors";
import { useDocumentTitle } from "../../app/use-document-title";
import { PageState } from "../../inspect/PageState";
import { RunRow } from "./RunRow";
import "./runs.css";
import "./history.css";

const PAGE_SIZE = 25;

/** `/flows/:flowId/runs`: every run of a flow, newest first; pick two to compare, or one to inspect. */
export function RunHistoryPage() {
  const { flowId } = useParams<{ flowId: string }>();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const [picked, setPicked] = useState<string[]>([]);
  const flow = useQuery({
    ...trpc.flows.byId.queryOptions({ id: flowId ?? "" }),
    enabled: Boolean(flowId),
  });
  const runs = useInfiniteQuery(
    trpc.runs.list.infiniteQueryOptions(
      { flowId: flowId ?? "", limit: PAGE_SIZE },
      {
        enabled: Boolean(flowId),
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // Keep statuses fresh while something is still running.
        refetchInterval: (query) =>
          query.state.data?.pages.some((p) =>
            p.runs.some((r) => r.status === "queued" || r.status === "running"),
          )
            ? 2000
            : false,
      },
    ),
  );
  const list = runs.data?.pages.flatMap((p) => p.runs) ?? [];
  useDocumentTitle(flow.data ? `Runs of ${flow.data.name}` : "Runs");

  const toggle = (id: string) =>
    setPicked((prev) =>
      prev.includes(id) ? prev.filter((p) => p !== id) : [...prev.slice(-1), id],
    );
  const compare = () => {
    const [first, second] = picked
      .map((id) => list.find((r) => r.id === id))
      .filter((r) => r !== undefined);
    if (!first || !second) return;
    // Older run on the left: the diff reads as "what changed since".
    const [a, b] =
      Date.parse(first.createdAt) <= Date.parse(second.createdAt)
        ? [first, second]
        : [second, first];
    navigate(
      `/flows/${flowId}/compare?a=${encodeURIComponent(a.id)}&b=${encodeURIComponent(b.id)}`,
    );
  };

  return (
    <main className="sy-runs sy-rh">
      <nav className="sy-runs-crumbs" aria-label="Breadcrumb">
        <Link href={`/flows/${flowId}`}>← {flow.data ? flow.data.name : "Flow"} in the editor</Link>
      </nav>
      <header className="sy-runs__header">
        <div>
          <h1 className="sy-runs__title">
            Runs{flow.data ? <span className="sy-rh__flow"> of {flow.data.name}</span> : null}
          </h1>
          <p className="sy-muted">
            Every run of this flow, from the editor, the CLI or the API. Select two to compare them.
          </p>
        </div>
        <div className="sy-rh__actions">
          <span className="sy-muted" aria-live="polite">
            {picked.length === 0 ? "" : `${picked.length} of 2 selected`}
          </span>
          {picked.length > 0 && (
            <button type="button" className="sy-button" onClick={() => setPicked([])}>
              Clear
            </button>
          )}
          <button
            type="button"
            className="sy-button sy-button--primary"
            disabled={picked.length !== 2}
            onClick={compare}
            title={
              picked.length === 2 ? "Compare the two selected runs" : "Select two runs to compare"
            }
          >
            Compare
          </button>
        </div>
      </header>
      {runs.isPending ? (
        <PageState kind="loading" title="Loading runs…" />
      ) : runs.isError && isNoAccess(runs.error) ? (
        <PageState kind="error" title="You don't have access to this flow">
          It may have been deleted, or it is no longer shared with you. <Link href="/">Back to your flows</Link>
        </PageState>
      ) : runs.isError ? (
        <PageState kind="error" title="Couldn't load runs" onRetry={() => void runs.refetch()}>
          {runs.error.message}
        </PageState>
      ) : list.length === 0 ? (
        <PageState kind="empty" title="No runs yet">
          Run this flow from the <Link href={`/flows/${flowId}`}>editor</Link>, with{" "}
          <code>pnpm switchyard run</code>, or through the API, and each run appears here with its
          cost, tokens and timing.
        </PageState>
      ) : (
        <>
          <table className="sy-rh__table">
            <caption className="sr-only">Runs of this flow, newest first</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">Select to compare</span>
                </th>
                <th scope="col">Run</th>
                <th scope="col">Started</th>
                <th scope="col" className="is-num">
                  Duration
                </th>
                <th scope="col" className="is-num">
                  Cost
                </th>
                <th scope="col" className="is-num">
                  Tokens in / out
                </th>
                <th scope="col">Version</th>
                <th scope="col">Started by</th>
              </tr>
            </thead>
            <tbody>
              {list.map((run) => (
                <RunRow
                  key={run.id}
                  run={run}
                  picked={picked.includes(run.id)}
                  onToggle={() => toggle(run.id)}
                  onOpen={() => navigate(`/runs/${run.id}`)}
                />
              ))}
            </tbody>
          </table>
          <div className="sy-rh__more">
            {runs.hasNextPage ? (
              <button
                type="button"
                className="sy-button"
                onClick={() => void runs.fetchNextPage()}
                disabled={runs.isFetchingNextPage}
              >
                {runs.isFetchingNextPage ? "Loading…" : "Load more runs"}
              </button>
            ) : (
              <span className="sy-muted">
                {list.length} {list.length === 1 ? "run" : "runs"} · that's all
              </span>
            )}
          </div>
        </>
      )}
    </main>
  );
}
