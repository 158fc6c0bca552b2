import { beforeAll, describe, expect, it } from "vitest";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";
import { askFlow, unwiredGateFlow } from "./support/flows";
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

describe("runs.start", () => {
  it("records a queued run of the latest version and puts it on the queue", async () => {
    const { runId, version } = await ada.api.runs.start({
      flowId,
      inputs: { question: "Why?" },
      seed: 42,
      budgetUsd: 0.5,
    });
    expect(version).toBe(1);
    expect(t.queue.enqueued).toContain(runId);
    const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({
      flowId,
      workspaceId: ada.workspaceId,
      status: "queued",
      inputs: { question: "Why?" },
      seed: 42,
      budgetUsd: 0.5,
      createdById: ada.id,
      lastSeq: 0,
    });
  });

  it("runs an older version when asked, and a model that only lacks a key", async () => {
    const id = await flowOf(askFlow("Keyed", "openai:gpt-4o-mini"));
    await ada.api.flows.update({ id, document: askFlow("Keyed v2", "openai:gpt-4o-mini") });
    expect(
      await ada.api.runs.start({ flowId: id, version: 1, inputs: { question: "q" } }),
    ).toMatchObject({ version: 1 });
    await expectTrpcError(
      ada.api.runs.start({ flowId: id, version: 5, inputs: {} }),
      "NOT_FOUND",
      "Version 5 of this flow not found",
    );
  });

  it("deletes the run again when the queue refuses it: no half-written records", async () => {
    const before = await t.db.run.count({ where: { flowId } });
    t.queue.failNext = true;
    await expectTrpcError(
      start(),
      "INTERNAL_SERVER_ERROR",
      "The run queue is unavailable; please try again.",
    );
    expect(await t.db.run.count({ where: { flowId } })).toBe(before);
  });

  it("refuses a flow that can't run yet, naming the problem", async () => {
    const id = await flowOf(unwiredGateFlow());
    await expectTrpcError(
      start(id),
      "BAD_REQUEST",
      "This flow can't run yet: gate 'gate' has nothing connected to its 'escalate' port",
    );
    expect(await t.db.run.count({ where: { flowId: id } })).toBe(0);
  });

  it("refuses a model from an unknown provider, naming the node", async () => {
    const id = await flowOf(askFlow("Acme", "acme:large"));
    await expectTrpcError(
      start(id),
      "BAD_REQUEST",
      "This flow can't run yet: node 'ask': unknown model provider 'acme' in 'acme:large'",
    );
  });

  it("refuses unknown, missing and oversized inputs", async () => {
    await expectTrpcError(
      ada.api.runs.start({ flowId, inputs: { question: "q", colour: "red" } }),
      "BAD_REQUEST",
      "Bad input: unknown input 'colour'; the flow declares 'question'",
    );
    await expectTrpcError(
      ada.api.runs.start({ flowId, inputs: {} }),
      "BAD_REQUEST",
      "Bad input: missing input 'question'",
    );
    await expectTrpcError(
      ada.api.runs.start({ flowId, inputs: { question: "x".repeat(1_000_001) } }),
      "PAYLOAD_TOO_LARGE",
      "The run inputs are 1000016 characters; the limit is 1000000.",
    );
    await expectTrpcError(
      ada.api.runs.start({ flowId, inputs: { question: "q" }, budgetUsd: -1 }),
      "BAD_REQUEST",
      /too_small/,
    );
  });

  it("refuses a viewer, an outsider, a deleted flow and a bad id", async () => {
    const enqueued = t.queue.enqueued.length;
    await expectTrpcError(
      viewer.api.runs.start({ flowId, inputs: { question: "q" } }),
      "FORBIDDEN",
      /you are a viewer/,
    );
    await expectTrpcError(
      grace.api.runs.start({ flowId, inputs: { question: "q" } }),
      "NOT_FOUND",
      "Flow not found",
    );
    await expectTrpcError(
      ada.api.runs.start({ flowId: "no-such-flow", inputs: {} }),
      "NOT_FOUND",
      "Flow not found",
    );
    const doomed = await flowOf(askFlow());
    await ada.api.flows.delete({ id: doomed });
    await expectTrpcError(start(doomed), "NOT_FOUND", "Flow not found");
    expect(t.queue.enqueued.length).toBe(enqueued);
  });
});
