import { beforeAll, describe, expect, it } from "vitest";
import { isTrackedEnvelope } from "@trpc/server";
import type { RunEvent } from "@switchyard/core";
import { appendRunEvents } from "@switchyard/runs";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";
import { askFlow } from "./support/flows";
import { createCast } from "./support/cast";
import { completedRunEvents } from "./support/team";

const t = useTestApi();
let ada: TestUser;
let grace: TestUser;
let viewer: TestUser;
let flowId: string;

beforeAll(async () => {
  ({ ada, grace, viewer } = await createCast(t));
  flowId = (await ada.api.flows.import({ workspaceId: ada.workspaceId, document: askFlow() })).id;
});

const startRun = async () =>
  (await ada.api.runs.start({ flowId, inputs: { question: "Capital of Australia?" } })).runId;

/**
 * A tracked event as the server yields it. The caller's type says `{ id, data }` (the shape a
 * client receives), but on the server the caller hands over tRPC's `tracked()` envelope.
 */
function trackedEvent(item: unknown): { id: string; event: RunEvent } {
  if (isTrackedEnvelope<RunEvent>(item)) return { id: item[0], event: item[1] };
  const { id, data } = item as { id: string; data: RunEvent };
  return { id, event: data };
}

/** Reads a subscription to its end: each tracked id with its event. */
async function collect(stream: AsyncIterable<unknown>): Promise<{ id: string; event: RunEvent }[]> {
  const seen: { id: string; event: RunEvent }[] = [];
  for await (const item of stream) seen.push(trackedEvent(item));
  return seen;
}

describe("runs.onRunEvents", () => {
  it("replays a finished run's events in order and ends at the terminal one", async () => {
    const runId = await startRun();
    const events = completedRunEvents(runId);
    await appendRunEvents(t.sql, runId, events, { unclaimed: true });
    const seen = await collect(await viewer.api.runs.onRunEvents({ runId }));
    expect(seen.map((s) => s.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(seen.map((s) => s.event)).toEqual(events);
  });

  it("resumes after lastEventId with the later events only, each once, including ones written while it listens", async () => {
    const runId = await startRun();
    const events = completedRunEvents(runId);
    await appendRunEvents(t.sql, runId, events.slice(0, 3), { unclaimed: true });

    const reading = collect(await ada.api.runs.onRunEvents({ runId, lastEventId: "2" }));
    await new Promise((resolve) => setTimeout(resolve, 60));
    await appendRunEvents(t.sql, runId, events.slice(3, 4), { unclaimed: true });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await appendRunEvents(t.sql, runId, events.slice(4), { unclaimed: true });

    const seen = await reading;
    expect(seen.map((s) => s.id)).toEqual(["3", "4", "5"]);
    expect(seen.map((s) => s.event.type)).toEqual([
      "node.delta",
      "node.completed",
      "run.completed",
    ]);
  });

  it("ends with the run.cancelled event of a cancelled queued run", async () => {
    const runId = await startRun();
    const reading = collect(await ada.api.runs.onRunEvents({ runId, lastEventId: null }));
    await ada.api.runs.cancel({ runId });
    const seen = await reading;
    expect(seen).toEqual([
      { id: "1", event: expect.objectContaining({ type: "run.cancelled", seq: 1, runId }) },
    ]);
  });

  it("stops quietly when the subscriber goes away", async () => {
    const runId = await startRun();
    await appendRunEvents(t.sql, runId, completedRunEvents(runId).slice(0, 1), { unclaimed: true });
    const controller = new AbortController();
    const stream = await createAbortable(controller.signal).runs.onRunEvents({ runId });
    const seen: string[] = [];
    for await (const item of stream) {
      seen.push(trackedEvent(item).id);
      controller.abort();
    }
    expect(seen).toEqual(["1"]);
  });

  it("says a bad id and someone else's run are not found", async () => {
    const runId = await startRun();
    await expectTrpcError(
      collect(await grace.api.runs.onRunEvents({ runId })),
      "NOT_FOUND",
      "Run not found",
    );
    await expectTrpcError(
      collect(await ada.api.runs.onRunEvents({ runId: "no-such-run" })),
      "NOT_FOUND",
      "Run not found",
    );
  });

  it("refuses a lastEventId that is not a sequence number", async () => {
    const runId = await startRun();
    await expectTrpcError(
      (async () => collect(await ada.api.runs.onRunEvents({ runId, lastEventId: "abc" })))(),
      "BAD_REQUEST",
      /must be the id of an event/,
    );
    await expectTrpcError(
      (async () => collect(await ada.api.runs.onRunEvents({ runId, lastEventId: "2147483648" })))(),
      "BAD_REQUEST",
      /must be the id of an event/,
    );
  });
});

describe("runs.events", () => {
  it("returns a run's persisted events after a sequence number, in order", async () => {
    const runId = await startRun();
    const events = completedRunEvents(runId);
    await appendRunEvents(t.sql, runId, events, { unclaimed: true });
    expect(await viewer.api.runs.events({ runId })).toEqual(events);
    expect((await ada.api.runs.events({ runId, afterSeq: 3 })).map((e) => e.seq)).toEqual([4, 5]);
    expect(await ada.api.runs.events({ runId, afterSeq: 5 })).toEqual([]);
  });

  it("says a bad id and someone else's run are not found, and refuses a negative afterSeq", async () => {
    const runId = await startRun();
    await expectTrpcError(grace.api.runs.events({ runId }), "NOT_FOUND", "Run not found");
    await expectTrpcError(
      ada.api.runs.events({ runId: "no-such-run" }),
      "NOT_FOUND",
      "Run not found",
    );
    await expectTrpcError(ada.api.runs.events({ runId, afterSeq: -1 }), "BAD_REQUEST", /too_small/);
  });
});

/** Ada's caller whose requests carry `signal`, as the HTTP adapter's would. */
function createAbortable(signal: AbortSignal) {
  return t.callerFor(ada, { signal });
}
