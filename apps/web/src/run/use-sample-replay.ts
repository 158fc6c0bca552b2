import { useCallback, useEffect, useRef, useState } from "react";
import { useEditorApi } from "../editor/editor-context";
import { useRunApi } from "./run-context";
import { useRunStream } from "./use-run-stream";
import { replayEvents } from "./replay";
import { runGraphOf } from "./run-view";
import { sampleRunFor } from "./fixtures";

/**
 * Replays the recorded run of the open flow (matched by flow name) through the same path a live
 * run will take: push → per-frame batch → reducer → canvas.
 */
export function useSampleReplay() {
  const editor = useEditorApi();
  const runs = useRunApi();
  const push = useRunStream(runs);
  const stop = useRef<() => void>(undefined);
  const [playing, setPlaying] = useState(false);

  const start = useCallback(
    (speed: number) => {
      const events = sampleRunFor(editor.getState().meta.name);
      if (!events) return false;
      stop.current?.();
      runs.getState().begin(runGraphOf(editor.getState().toDocument()));
      setPlaying(true);
      const last = events.at(-1);
      stop.current = replayEvents(events, (event) => {
        push(event);
        if (event === last) setPlaying(false);
      }, { speed });
      return true;
    },
    [editor, runs, push],
  );

  const clear = useCallback(() => {
    stop.current?.();
    setPlaying(false);
    runs.getState().clear();
  }, [runs]);

  useEffect(() => () => stop.current?.(), []);
  return { start, clear, playing };
}
