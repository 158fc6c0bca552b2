import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { useTRPC } from "../../api/trpc";
import { useDocumentTitle } from "../../app/use-document-title";
import { useWorkspace } from "../../app/workspace-context";
import { PageState } from "../../inspect/PageState";
import { FlowFilter } from "./FlowFilter";
import { ModelTable } from "./ModelTable";
import { PeriodPicker } from "./PeriodPicker";
import { toModelRows } from "./model-rows";
import { DEFAULT_PERIOD, periodOf, type PeriodDays } from "./periods";
import "./insights.css";

/** `/insights`: how each model did in the current workspace — calls, failures, latency and cost. */
export function ModelsPage() {
  useDocumentTitle("Models");
  const trpc = useTRPC();
  const { current } = useWorkspace();
  const [days, setDays] = useState<PeriodDays>(DEFAULT_PERIOD);
  // The flow filter belongs to the workspace it was picked in; switching workspaces clears it.
  const [filter, setFilter] = useState({ workspaceId: current.id, flowId: "" });
  const flowId = filter.workspaceId === current.id ? filter.flowId : "";
  const usage = useQuery(
    trpc.insights.models.queryOptions({ workspaceId: current.id, days, ...(flowId ? { flowId } : {}) }, { placeholderData: keepPreviousData }),
  );
  const period = periodOf(days);
  const view = usage.data ? toModelRows(usage.data) : undefined;
  const scope = flowId ? "this flow" : current.name;

  return (
    <main className="sy-page sy-models" id="content">
      <div className="sy-page__head">
        <div>
          <h1 className="sy-page__title">Models</h1>
          <p className="sy-muted">How each model did in {current.name}: calls, failures, latency and cost of every model node in runs from the editor and the REST API.</p>
        </div>
      </div>
      <div className="sy-models__controls">
        <PeriodPicker value={days} onChange={setDays} />
        <FlowFilter workspaceId={current.id} value={flowId} onChange={(id) => setFilter({ workspaceId: current.id, flowId: id })} />
        <p className="sy-models__summary" aria-live="polite">
          {usage.isFetching && !usage.isPending ? (
            <span className="sy-spinner" aria-label="Updating" />
          ) : view && view.totals.models > 0 ? (
            `${view.totals.models} ${view.totals.models === 1 ? "model" : "models"} · ${view.totals.calls.toLocaleString("en-US")} ${view.totals.calls === 1 ? "call" : "calls"} · ${view.totals.cost} in ${period.long}`
          ) : null}
        </p>
      </div>
      {usage.isPending ? (
        <PageState kind="loading" title="Loading models…" />
      ) : usage.isError ? (
        <PageState kind="error" title="Couldn't load the models" onRetry={() => void usage.refetch()}>
          {usage.error.message}
          {flowId && (
            <>
              {" "}
              <button type="button" className="sy-button sy-button--small" onClick={() => setFilter({ workspaceId: current.id, flowId: "" })}>
                Show all flows
              </button>
            </>
          )}
        </PageState>
      ) : view && view.rows.length > 0 ? (
        <ModelTable rows={view.rows} bucket={usage.data.bucket} caption={`Models used by ${scope} in ${period.long}, most expensive first`} />
      ) : (
        <PageState kind="empty" title="No model calls in this period">
          Run a flow to see how its models do here: calls, error rate, retries, latency and cost per model. {flowId ? "Pick “All flows” or a longer period, or " : "Try a longer period, or "}
          <Link href="/">open your flows</Link>.
        </PageState>
      )}
    </main>
  );
}
