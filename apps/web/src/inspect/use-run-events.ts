import { useEffect, useMemo, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { isTerminalEvent, type RunEvent } from "@switchyard/core";
import { useTRPC } from "../api/trpc";
import { isNoAccess } from "../api/errors";
import { RunEventQueue } from "../run/run-event-queue";

export interface RunEventsState {
  events: RunEvent[];
  loading: boolean;
  error?: string;
  /** True while the run is still going and its events stream in. */
  live: boolean;
  /** The live stream dropped and is reconnecting (it resumes from the last seq it has). */
  reconnecting: boolean;
  /** The server ended the stream because the run is no longer yours to see (a share revoked). */
  accessLost: boolean;
}

/**
 * A run's events: the persisted ones first, then, if the run has not ended, the live stream from the
 * last seq loaded. Live events arrive in per-frame batches; duplicates (after a reconnect) are dropped.
 */
export function useRunEvents(runId: string | undefined): RunEventsState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stored = useQuery({
    ...trpc.runs.events.queryOptions({ runId: runId ?? "" }),
    enabled: Boolean(runId),
    staleTime: Infinity,
  });
  const [streamed, setStreamed] = useState<RunEvent[]>([]);
  useEffect(() => setStreamed([]), [runId]);

  const loaded = stored.data;
  const events = useMemo(() => (loaded ? mergeBySeq(loaded, streamed) : []), [loaded, streamed]);
  const ended = events.some(isTerminalEvent);
  // Fixed once per load, so the subscription isn't restarted per event; the link itself resumes from the last tracked id.
  const resumeFrom = loaded ? String(loaded.at(-1)?.seq ?? 0) : undefined;
  const follow = Boolean(runId) && loaded !== undefined && !loaded.some(isTerminalEvent);

  const queue = useMemo(
    () => new RunEventQueue((batch) => setStreamed((prev) => [...prev, ...batch])),
    [],
  );
  useEffect(() => () => queue.dispose(), [queue]);

  const subscription = useSubscription(
    trpc.runs.onRunEvents.subscriptionOptions(
      { runId: runId ?? "", lastEventId: resumeFrom ?? null },
      {
        enabled: follow && !ended,
        onData: (tracked) => queue.push(tracked.data),
      },
    ),
  );

  // Once the run ends, its row (status, totals) and the run list are stale.
  useEffect(() => {
    if (!ended || !follow) return;
    void queryClient.invalidateQueries({
      queryKey: trpc.runs.byId.queryKey({ runId: runId ?? "" }),
    });
    void queryClient.invalidateQueries({ queryKey: trpc.runs.list.pathKey() });
  }, [ended, follow, queryClient, trpc, runId]);

  return {
    events,
    loading: stored.isPending && Boolean(runId),
    ...(stored.error
      ? { error: stored.error.message }
      : subscription.error && !ended
        ? { error: subscription.error.message }
        : {}),
    live: follow && !ended,
    reconnecting: follow && !ended && subscription.status === "connecting" && streamed.length > 0,
    accessLost: isNoAccess(subscription.error) || isNoAccess(stored.error),
  };
}

/** Stored events followed by streamed ones, in seq order, each seq once. */
export function mergeBySeq(stored: readonly RunEvent[], streamed: readonly RunEvent[]): RunEvent[] {
  if (streamed.length === 0) return [...stored];
  const out = [...stored];
  let last = out.at(-1)?.seq ?? 0;
  for (const event of [...streamed].sort((a, b) => a.seq - b.seq)) {
    if (event.seq <= last) continue;
    out.push(event);
    last = event.seq;
  }
  return out;
}
