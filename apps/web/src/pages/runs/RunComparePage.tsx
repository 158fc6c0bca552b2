import { useMemo, useState } from "react";
import { Link, useLocation, useParams, useSearchParams } from "wouter";
import { useDocumentTitle } from "../../app/use-document-title";
import { compareRuns } from "../../inspect/run-compare";
import { PageState } from "../../inspect/PageState";
import { CompareNodeCard } from "./CompareNodeCard";
import { CompareSummary } from "./CompareSummary";
import { useRunDetail, type RunDetailState } from "./use-run-detail";
import "./runs.css";
import "./compare.css";

/** `/flows/:flowId/compare?a=&b=`: two runs of a flow side by side, node by node, with what changed. */
export function RunComparePage() {
  const { flowId } = useParams<{ flowId: string }>();
  const [search] = useSearchParams();
  const [, navigate] = useLocation();
  const aId = search.get("a") ?? undefined;
  const bId = search.get("b") ?? undefined;
  const a = useRunDetail(aId);
  const b = useRunDetail(bId);
  const [onlyDifferent, setOnlyDifferent] = useState(false);
  useDocumentTitle(a.version.flowName ? `Compare runs of ${a.version.flowName}` : "Compare runs");
  const ready = isReady(a) && isReady(b);
  const docA = a.version.document;
  const docB = b.version.document;
  const comparison = useMemo(
    () =>
      ready && docA && docB
        ? compareRuns({ view: a.view, nodes: docA.nodes }, { view: b.view, nodes: docB.nodes })
        : undefined,
    [ready, a.view, b.view, docA, docB],
  );

  const back = (
    <nav className="sy-runs-crumbs" aria-label="Breadcrumb">
      <Link href={`/flows/${flowId}/runs`}>← Runs of {a.version.flowName ?? "this flow"}</Link>
    </nav>
  );
  if (!aId || !bId) {
    return (
      <main className="sy-runs">
        {back}
        <PageState kind="empty" title="Pick two runs to compare">
          Select two runs in the <Link href={`/flows/${flowId}/runs`}>run history</Link> and press
          Compare.
        </PageState>
      </main>
    );
  }
  const failed = [a, b].find((d) => d.runError || d.version.error || d.stream.error);
  if (failed) {
    return (
      <main className="sy-runs">
        {back}
        <PageState
          kind="error"
          title="Couldn't load both runs"
          onRetry={() => [a, b].forEach((d) => d.refetch())}
        >
          {failed.runError ?? failed.version.error ?? failed.stream.error}
        </PageState>
      </main>
    );
  }
  if (!comparison || !a.run || !b.run) {
    return (
      <main className="sy-runs">
        {back}
        <PageState kind="loading" title="Loading both runs…" />
      </main>
    );
  }
  const shown = onlyDifferent
    ? comparison.nodes.filter((n) => n.differences.length > 0)
    : comparison.nodes;
  const otherFlow = [a.run, b.run].some((r) => r.flowId !== flowId);
  return (
    <main className="sy-runs sy-cmp">
      {back}
      <header className="sy-runs__header">
        <h1 className="sy-runs__title">Compare runs</h1>
        <button
          type="button"
          className="sy-button"
          onClick={() =>
            navigate(
              `/flows/${flowId}/compare?a=${encodeURIComponent(bId)}&b=${encodeURIComponent(aId)}`,
              { replace: true },
            )
          }
        >
          ⇄ Swap A and B
        </button>
      </header>
      {otherFlow && (
        <p className="sy-runs__error">
          These runs are not both runs of this flow; the comparison still lines their nodes up by
          id.
        </p>
      )}
      {a.run.flowVersion.version !== b.run.flowVersion.version && (
        <p className="sy-cmp__note">
          Different versions (v{a.run.flowVersion.version} and v{b.run.flowVersion.version}): nodes
          only one of them has are marked.
        </p>
      )}
      <CompareSummary
        a={{ run: a.run, view: a.view }}
        b={{ run: b.run, view: b.view }}
        comparison={comparison}
      />
      <section className="sy-cmp__diffs" aria-labelledby="sy-cmp-differ">
        <h2 id="sy-cmp-differ" className="sy-runs__subtitle">
          {comparison.differing.length === 0
            ? "The two runs behaved the same at every node"
            : `${comparison.differing.length} of ${comparison.nodes.length} nodes differ`}
        </h2>
        {comparison.differing.length > 0 && (
          <ul className="sy-cmp__chips">
            {comparison.nodes
              .filter((n) => n.differences.length > 0)
              .map((n) => (
                <li key={n.nodeId}>
                  <a href={`#cmp-${n.nodeId}`} className="sy-cmp__chip">
                    <strong className="sy-mono">{n.nodeId}</strong> {n.differences[0]}
                    {n.differences.length > 1 ? ` +${n.differences.length - 1}` : ""}
                  </a>
                </li>
              ))}
          </ul>
        )}
        <label className="sy-cmp__filter">
          <input
            type="checkbox"
            checked={onlyDifferent}
            onChange={(e) => setOnlyDifferent(e.target.checked)}
          />{" "}
          Show only nodes that differ
        </label>
      </section>
      <div className="sy-cmp__nodes">
        {shown.map((node) => (
          <CompareNodeCard key={node.nodeId} node={node} />
        ))}
      </div>
    </main>
  );
}

function isReady(detail: RunDetailState): boolean {
  return Boolean(detail.run && detail.version.document && !detail.stream.loading);
}
