import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import type { FlowDocument, RunEvent } from "@switchyard/core";
import { useTRPC } from "../../api/trpc";
import { isNoAccess } from "../../api/errors";
import { applyRunEvents } from "../../run/apply-run-event";
import { emptyRunView, runGraphOf, type RunGraph, type RunView } from "../../run/run-view";
import { fromFlowDocument, toFlowDocument } from "../../editor/flow-mapping";
import { useRunEvents, type RunEventsState } from "../../inspect/use-run-events";
import { useFlowVersion, type FlowVersionState } from "../../inspect/use-flow-version";
import type { RunRecord } from "./run-types";

export interface RunDetailState {
  run: RunRecord | undefined;
  runLoading: boolean;
  runError: string | undefined;
  /** The run (or its flow) is not, or no longer, yours to see. */
  noAccess: boolean;
  refetch: () => void;
  version: FlowVersionState;
  stream: RunEventsState;
  /** The run folded from its events by the same reducer the editor's live view uses. */
  view: RunView;
  graph: RunGraph;
}

/** Everything a run page shows about one run: its row, its flow version, its events and the view they fold into. */
export function useRunDetail(runId: string | undefined): RunDetailState {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.runs.byId.queryOptions({ runId: runId ?? "" }),
    enabled: Boolean(runId),
  });
  const run = query.data;
  const version = useFlowVersion(run?.flowId, run?.flowVersion.version);
  const stream = useRunEvents(runId);
  const docGraph = useMemo(
    () => (version.document ? graphOf(version.document) : undefined),
    [version.document],
  );
  const graph = useMemo(() => docGraph ?? eventGraph(stream.events), [docGraph, stream.events]);
  const view = useMemo(
    () => applyRunEvents(emptyRunView(graph), stream.events),
    [graph, stream.events],
  );
  return {
    run,
    runLoading: query.isPending && Boolean(runId),
    runError: query.error?.message,
    noAccess: isNoAccess(query.error) || stream.accessLost,
    refetch: () => void query.refetch(),
    version,
    stream,
    view,
    graph,
  };
}

/** The wiring the reducer lights edges on; ids come from the mapping the canvas uses, so the read-only graph's edges match. */
function graphOf(document: FlowDocument): RunGraph {
  return runGraphOf(toFlowDocument(fromFlowDocument(document)));
}

/** Without the flow document (still loading, or unreadable), the nodes the events name are enough. */
function eventGraph(events: readonly RunEvent[]): RunGraph {
  const ids = new Set<string>();
  for (const e of events) if ("nodeId" in e) ids.add(e.nodeId);
  return { nodeIds: [...ids], edges: [] };
}
