import { beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@switchyard/core";
import { appendRunEvents } from "@switchyard/runs";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";
import { askFlow } from "./support/flows";
import { createCast } from "./support/cast";

const t = useTestApi();
let ada: TestUser;
let grace: TestUser;
let viewer: TestUser;
let flowId: string;

beforeAll(async () => {
  ({ ada, grace, viewer } = await createCast(t));
  flowId = (await ada.api.flows.import({ workspaceId: ada.workspaceId, document: askFlow() })).id;
});

const flowOf = async (document: unknown) =>
  (await ada.api.flows.import({ workspaceId: ada.workspaceId, document })).id;
const start = (id = flowId) =>
  ada.api.runs.start({ flowId: id, inputs: { question: "Capital of Australia?" } });

describe("runs.cancel", () => {
  it("ends a queued run at once with a persisted run.cancelled event", async () => {
    const { runId } = await start();
    expect(await ada.api.runs.cancel({ runId })).toEqual({ status: "cancelled" });
    const run = await ada.api.runs.byId({ runId });
    expect(run).toMatchObject({
      status: "cancelled",
      cancelRequested: true,
      lastSeq: 1,
      costUsd: 0,
    });
    expect(run.finishedAt).toBeInstanceOf(Date);
    const events = await t.db.runEvent.findMany({
      where: { runId },
      select: { seq: true, type: true, payload: true },
    });
    expect(events).toEqual([
      {
        seq: 1,
        type: "run.cancelled",
        payload: expect.objectContaining({ runId, reason: "cancelled before it started" }),
      },
    ]);
    await expectTrpcError(
      ada.api.runs.cancel({ runId }),
      "CONFLICT",
      "This run has already finished.",
    );
  });

  it("asks the worker holding a running run to abort it", async () => {
    const { runId } = await start();
    await t.db.run.update({
      where: { id: runId },
      data: { status: "running", leaseOwner: "worker-1", startedAt: new Date() },
    });
    expect(await ada.api.runs.cancel({ runId })).toEqual({ status: "cancelling" });
    expect(t.queue.cancelRequests).toContain(runId);
    expect(
      await t.db.run.findUniqueOrThrow({
        where: { id: runId },
        select: { status: true, cancelRequested: true },
      }),
    ).toEqual({ status: "running", cancelRequested: true });
  });

  it("refuses a viewer, an outsider and a bad id", async () => {
    const { runId } = await start();
    await expectTrpcError(viewer.api.runs.cancel({ runId }), "FORBIDDEN", /you are a viewer/);
    await expectTrpcError(grace.api.runs.cancel({ runId }), "NOT_FOUND", "Run not found");
    await expectTrpcError(
      ada.api.runs.cancel({ runId: "no-such-run" }),
      "NOT_FOUND",
      "Run not found",
    );
    expect((await t.db.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("queued");
  });
});

describe("runs.list", () => {
  it("pages through a flow's runs, newest first, each once", async () => {
    const id = await flowOf(askFlow("Paged"));
    const started: string[] = [];
    for (let i = 0; i < 5; i++) started.push((await start(id)).runId);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await viewer.api.runs.list({
        flowId: id,
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(result.runs.length).toBeLessThanOrEqual(2);
      seen.push(...result.runs.map((r) => r.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual([...started].reverse());
    const all = await ada.api.runs.list({ flowId: id });
    expect(all).toMatchObject({
      nextCursor: null,
      runs: [
        { status: "queued", flowVersion: { version: 1 }, createdBy: { id: ada.id } },
        {},
        {},
        {},
        {},
      ],
    });
  });

  it("refuses someone else's flow and a bad limit", async () => {
    await expectTrpcError(grace.api.runs.list({ flowId }), "NOT_FOUND", "Flow not found");
    await expectTrpcError(ada.api.runs.list({ flowId, limit: 0 }), "BAD_REQUEST", /too_small/);
  });
});

describe("runs.byId", () => {
  it("returns the run with the node results its events settled", async () => {
    const { runId } = await start();
    const time = new Date().toISOString();
    const usage = { input: 12, output: 3 };
    const events: RunEvent[] = [
      {
        type: "run.started",
        runId,
        seq: 1,
        time,
        flowName: "Ask",
        inputs: { question: "Capital of Australia?" },
        seed: 1,
      },
      { type: "node.started", runId, seq: 2, time, nodeId: "ask", nodeType: "model" },
      {
        type: "node.completed",
        runId,
        seq: 3,
        time,
        nodeId: "ask",
        nodeType: "model",
        output: { text: "Canberra." },
        usage,
        costUsd: 0.002,
        latencyMs: 150.4,
        model: "sim:fast",
        simulated: true,
        attempts: 1,
      },
      {
        type: "node.skipped",
        runId,
        seq: 4,
        time,
        nodeId: "spare",
        nodeType: "model",
        reason: "branch not taken",
      },
      {
        type: "run.completed",
        runId,
        seq: 5,
        time,
        outputs: { answer: "Canberra." },
        costUsd: 0.002,
        tokens: usage,
        latencyMs: 180,
      },
    ];
    await appendRunEvents(t.sql, runId, events, { unclaimed: true });

    const run = await viewer.api.runs.byId({ runId });
    expect(run).toMatchObject({
      id: runId,
      status: "completed",
      outputs: { answer: "Canberra." },
      costUsd: 0.002,
      inputTokens: 12,
      outputTokens: 3,
      latencyMs: 180,
      lastSeq: 5,
    });
    expect(run.nodes).toEqual([
      expect.objectContaining({
        nodeId: "ask",
        status: "completed",
        model: "sim:fast",
        attempts: 1,
        latencyMs: 150,
        inputTokens: 12,
        outputTokens: 3,
        result: expect.objectContaining({ output: { text: "Canberra." } }),
      }),
      expect.objectContaining({
        nodeId: "spare",
        status: "skipped",
        costUsd: 0,
        latencyMs: null,
        result: { status: "skipped", reason: "branch not taken" },
      }),
    ]);
  });

  it("says a bad id and someone else's run are not found", async () => {
    const { runId } = await start();
    await expectTrpcError(
      ada.api.runs.byId({ runId: "no-such-run" }),
      "NOT_FOUND",
      "Run not found",
    );
    await expectTrpcError(grace.api.runs.byId({ runId }), "NOT_FOUND", "Run not found");
  });
});
