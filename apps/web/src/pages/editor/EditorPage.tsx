import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "wouter";
import { isNoAccess } from "../../api/errors";
import { useTRPC } from "../../api/trpc";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { NoAccess } from "../../components/NoAccess";
import { parseFlowValue } from "../../editor/flow-file";
import { FlowEditor } from "./FlowEditor";
import { useFlowModels } from "./use-flow-models";

/** `?version=3`: that saved version, read-only. */
function versionParam(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** How often an open flow asks whether it changed elsewhere or is no longer yours to see. */
const RECHECK_MS = 15_000;

/** `/flows/:flowId`: loads the flow and the workspace's models, then opens the editor on them. */
export function EditorPage() {
  const { flowId = "" } = useParams<{ flowId: string }>();
  const [params] = useSearchParams();
  const version = versionParam(params.get("version"));
  const trpc = useTRPC();
  // Always fetched on opening (never only from cache), so the canvas starts from the newest save.
  const flow = useQuery(trpc.flows.byId.queryOptions({ id: flowId, ...(version ? { version } : {}) }, { refetchOnMount: "always", refetchInterval: RECHECK_MS }));
  const { models, groups } = useFlowModels(flow.data ? flowId : undefined);
  const parsed = useMemo(() => (flow.data ? parseFlowValue(flow.data.version.document) : undefined), [flow.data]);
  useDocumentTitle(flow.data?.name ?? "Flow");

  if (flow.isError && !flow.data) {
    if (isNoAccess(flow.error)) return <NoAccess />;
    return (
      <main className="sy-page" id="content">
        <ErrorMessage title="Couldn't open this flow" error={flow.error} onRetry={() => void flow.refetch()} />
        <p>
          <Link href="/">Back to your flows</Link>
        </p>
      </main>
    );
  }
  if (models.isError && !models.data) {
    return (
      <main className="sy-page" id="content">
        <ErrorMessage title="Couldn't load the model list" error={models.error} onRetry={() => void models.refetch()} />
      </main>
    );
  }
  // Wait for this visit's own fetch, so the canvas never opens on a cached, possibly older version.
  if (!flow.data || !flow.isFetchedAfterMount || !groups || !parsed) return <Loading block label="Opening the flow…" />;
  if (!parsed.ok) {
    return (
      <main className="sy-page" id="content">
        <p className="sy-notice sy-notice--error" role="alert">
          Version {flow.data.version.version} of this flow can't be opened: {parsed.message}.
        </p>
      </main>
    );
  }
  // A refetch that finds the flow gone keeps the canvas (and any unsaved work) on screen, read-only, and says why.
  const accessLost = flow.isError && isNoAccess(flow.error);
  return (
    <FlowEditor
      key={`${flowId}:${version ?? "latest"}`}
      flow={flow.data}
      document={parsed.document}
      models={groups}
      viewingVersion={version}
      accessLost={accessLost}
    />
  );
}
