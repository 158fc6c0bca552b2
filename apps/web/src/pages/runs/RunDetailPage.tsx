import { useCallback, useEffect, useMemo } from "react";
import { useParams, useSearchParams } from "wouter";
import { useDocumentTitle } from "../../app/use-document-title";
import { RunGraph } from "../../inspect/RunGraph";
import { RunNodeInspector } from "../../inspect/RunNodeInspector";
import { RunNodeList } from "../../inspect/RunNodeList";
import { Timeline } from "../../inspect/Timeline";
import { PageState } from "../../inspect/PageState";
import { nodeSpans } from "../../inspect/node-spans";
import { shortId } from "../../inspect/inspect-format";
import { NoAccess } from "../../components/NoAccess";
import { RunHeader } from "./RunHeader";
import { RunIo } from "./RunIo";
import { useRunDetail } from "./use-run-detail";
import "./runs.css";
import "./detail.css";

/** `/runs/:runId`: one run, inspected: header and totals, the graph as it ran, a node inspector and the timeline. Follows a live run. */
export function RunDetailPage() {
  const { runId } = useParams<{ runId: string }>();
  const detail = useRunDetail(runId);
  const { run, version, stream, view, graph } = detail;
  const [search, setSearch] = useSearchParams();
  const selected = search.get("node") ?? undefined;

  const select = useCallback(
    (nodeId: string | undefined) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (nodeId) next.set("node", nodeId);
          else next.delete("node");
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  useEffect(() => {
    if (!selected) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !(event.target instanceof HTMLInputElement)) select(undefined);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected, select]);

  const spans = useMemo(() => nodeSpans(stream.events), [stream.events]);
  useDocumentTitle(
    runId ? `Run ${shortId(runId)}${version.flowName ? ` of ${version.flowName}` : ""}` : "Run",
  );
  const doc = version.document;
  const docNodes = useMemo(
    () =>
      doc?.nodes ??
      graph.nodeIds.map((id) => ({
        id,
        type: spans.find((s) => s.nodeId === id)?.nodeType ?? "node",
      })),
    [doc, graph, spans],
  );

  if (!runId) return <PageState kind="error" title="No run id in the address." />;
  if (detail.runLoading)
    return (
      <main className="sy-runs">
        <PageState kind="loading" title="Loading run…" />
      </main>
    );
  if (detail.noAccess && !run) return <NoAccess what="run" />;
  if (detail.runError || !run) {
    return (
      <main className="sy-runs">
        <PageState kind="error" title="Couldn't load this run" onRetry={detail.refetch}>
          {detail.runError ?? "It may have been deleted, or you may not have access to its flow."}
        </PageState>
      </main>
    );
  }

  const flowName =
    version.flowName ??
    (stream.events[0]?.type === "run.started" ? stream.events[0].flowName : undefined);
  const selectedNode = selected ? doc?.nodes.find((n) => n.id === selected) : undefined;
  // A stream the server ended for lost access is over, whatever the run itself is still doing.
  const live = stream.live && !detail.noAccess;
  return (
    <main className="sy-runs sy-rd">
      <RunHeader
        run={run}
        view={view}
        flowName={flowName}
        live={live}
        reconnecting={stream.reconnecting}
        onSelectNode={select}
      />
      <RunIo inputs={run.inputs} outputs={view.outputs ?? run.outputs} running={live} />
      {detail.noAccess ? (
        <PageState kind="error" title="You no longer have access to this flow">
          Its owner stopped sharing it with you, or it was deleted. Updates to this run have stopped; what you see is where it was.
        </PageState>
      ) : stream.error && (
        <PageState kind="error" title="Couldn't load this run's events">
          {stream.error}
        </PageState>
      )}
      <div className="sy-rd__main">
        <div className="sy-rd__graph">
          {doc ? (
            <RunGraph
              key={`${run.flowId}@${run.flowVersion.version}`}
              document={doc}
              view={view}
              selected={selected}
              onSelect={select}
            />
          ) : version.error ? (
            <PageState kind="error" title="Couldn't load the flow version this run used">
              {version.error}
            </PageState>
          ) : (
            <PageState kind="loading" title="Loading the flow as it ran…" />
          )}
        </div>
        <div className="sy-rd__side">
          {selected ? (
            <RunNodeInspector
              key={selected}
              nodeId={selected}
              node={selectedNode}
              run={view.nodes[selected]}
              span={spans.find((s) => s.nodeId === selected)}
              onSelect={select}
              onClose={() => select(undefined)}
            />
          ) : (
            <RunNodeList nodes={docNodes} view={view} selected={selected} onSelect={select} />
          )}
        </div>
      </div>
      <section className="sy-rd__timeline" aria-labelledby="sy-rd-timeline">
        <h2 id="sy-rd-timeline" className="sy-runs__subtitle">
          Timeline
        </h2>
        {stream.loading ? (
          <PageState kind="loading" title="Loading events…" />
        ) : (
          <Timeline
            events={stream.events}
            edges={graph.edges}
            live={live}
            selected={selected}
            onSelect={select}
          />
        )}
      </section>
    </main>
  );
}
