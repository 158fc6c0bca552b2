import { useEffect } from "react";
import { skipToken } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "../../api/trpc";
import { useEditorApi } from "../../editor/editor-context";
import { useRunApi } from "../../run/run-context";
import { useRunStream } from "../../run/use-run-stream";
import { runGraphOf } from "../../run/run-view";
import { isRunEvent } from "../../run/parse-events";

/**
 * Follows a run on the canvas. It subscribes from the start (no `lastEventId`): the server replays
 * the persisted events, then live ones, so a page reloaded mid-run rebuilds the whole picture; on a
 * dropped connection the link resumes from the last event id it saw, and the run store ignores any
 * event it already applied.
 */
export function useLiveRun(runId: string | null) {
  const trpc = useTRPC();
  const runs = useRunApi();
  const editor = useEditorApi();
  const push = useRunStream(runs);

  useEffect(() => {
    if (runId) runs.getState().begin(runGraphOf(editor.getState().toDocument()));
  }, [runId, runs, editor]);

  return useSubscription(
    trpc.runs.onRunEvents.subscriptionOptions(runId ? { runId, lastEventId: null } : skipToken, {
      onData: (tracked) => {
        if (isRunEvent(tracked.data)) push(tracked.data);
      },
    }),
  );
}
