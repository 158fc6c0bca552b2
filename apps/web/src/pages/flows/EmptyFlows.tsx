import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { TemplateList } from "./TemplateDialog";

interface EmptyFlowsProps {
  editable: boolean;
  busy: boolean;
  onEmpty: () => void;
  onTemplate: (document: unknown) => void;
}

/** A new workspace: what Switchyard is for, and the quickest ways in. */
export function EmptyFlows({ editable, busy, onEmpty, onTemplate }: EmptyFlowsProps) {
  const trpc = useTRPC();
  const templates = useQuery(trpc.catalog.templates.queryOptions(undefined, { staleTime: Infinity, enabled: editable }));
  return (
    <section className="sy-empty-state" aria-labelledby="empty-flows-title">
      <h2 id="empty-flows-title">No flows yet</h2>
      <p>
        A flow wires models, votes, confidence gates, routers and fallbacks into one graph. Start from an example — they run on simulated models, so no API keys are
        needed — or from an empty canvas.
      </p>
      {editable ? (
        <>
          {templates.isPending ? (
            <Loading label="Loading templates…" />
          ) : templates.isError ? (
            <ErrorMessage title="Couldn't load the templates" error={templates.error} onRetry={() => void templates.refetch()} />
          ) : (
            <TemplateList templates={templates.data} busy={busy} onPick={onTemplate} />
          )}
          <p>
            <button type="button" className="sy-button" onClick={onEmpty} disabled={busy}>
              Start with an empty flow
            </button>
          </p>
        </>
      ) : (
        <p className="sy-muted">When an editor of this workspace creates a flow, it appears here.</p>
      )}
    </section>
  );
}
