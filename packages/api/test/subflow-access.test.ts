import { beforeAll, describe, expect, it } from "vitest";
import { FLOW_FORMAT } from "@switchyard/core";
import { subflowForRun } from "../src/flows/subflow-access";
import { askFlow } from "./support/flows";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";

/**
 * A subflow may only run what the person starting the run may read. Ed edits one flow of the
 * team's, shared with him; the team's other flows are not his to read, let alone to run.
 */
const t = useTestApi();
let olga: TestUser;
let ed: TestUser;
let workspaceId: string;
let sharedId: string;
let hiddenId: string;
let visibleId: string;

/** In → subflow node `nodeId` running `flow` → out. */
function withSubflow(flow: string, nodeId = "sub") {
  return {
    format: FLOW_FORMAT,
    name: "Calls another",
    inputs: [{ name: "question", type: "string" }],
    nodes: [
      { id: "in", type: "input", data: { name: "question" } },
      { id: nodeId, type: "subflow", data: { flow, inputs: { question: "{{input.question}}" } } },
      { id: "out", type: "output", data: { name: "answer" } },
    ],
    edges: [
      { source: "in", target: nodeId },
      { source: nodeId, target: "out" },
    ],
  };
}

const unreadable = (nodeId: string, flow: string) => `Subflow node '${nodeId}' names flow '${flow}', which does not exist in this workspace or you cannot read.`;
const problemFor = (nodeId: string, flow: string) => ({ severity: "error", code: "subflow-unreadable", nodeId, message: unreadable(nodeId, flow) });

beforeAll(async () => {
  olga = await t.user("Olga");
  ed = await t.user("Ed");
  ({ id: workspaceId } = await olga.api.workspaces.create({ name: "Team" }));
  const create = async (name: string) => (await olga.api.flows.import({ workspaceId, document: askFlow(name) })).id;
  sharedId = await create("Shared");
  hiddenId = await create("Hidden");
  visibleId = await create("Visible");
  await olga.api.shares.shareWithUser({ flowId: sharedId, email: ed.email, role: "editor" });
  await olga.api.shares.shareWithUser({ flowId: visibleId, email: ed.email, role: "viewer" });
});

describe("saving a flow with subflow nodes", () => {
  it("keeps a subflow the saver cannot read as the draft's problem, naming the node, and refuses to run it", async () => {
    await expect(ed.api.flows.byId({ id: hiddenId })).rejects.toThrow("Flow not found");
    const saved = await ed.api.flows.update({ id: sharedId, document: withSubflow(hiddenId, "peek") });
    expect(saved.problems).toEqual([problemFor("peek", hiddenId)]);
    const before = await t.db.run.count();
    await expectTrpcError(ed.api.runs.start({ flowId: sharedId, inputs: { question: "q" } }), "BAD_REQUEST", `This flow can't run yet: ${unreadable("peek", hiddenId)}`);
    expect(await t.db.run.count()).toBe(before);
  });

  it("says the same of a flow that does not exist, so ids leak nothing", async () => {
    expect((await ed.api.flows.update({ id: sharedId, document: withSubflow("no-such-flow", "peek") })).problems).toEqual([problemFor("peek", "no-such-flow")]);
    await expectTrpcError(ed.api.runs.start({ flowId: sharedId, inputs: { question: "q" } }), "BAD_REQUEST", `This flow can't run yet: ${unreadable("peek", "no-such-flow")}`);
  });

  it("has no such problem when the saver can read the flow (shared with him, or in his workspace)", async () => {
    expect(await ed.api.flows.update({ id: sharedId, document: withSubflow(visibleId) })).toMatchObject({ problems: [] });
    const { id: olgas } = await olga.api.flows.import({ workspaceId, document: askFlow("Olga's") });
    expect(await olga.api.flows.update({ id: olgas, document: withSubflow(hiddenId) })).toMatchObject({ problems: [] });
    const { runId } = await olga.api.runs.start({ flowId: olgas, inputs: { question: "q" } });
    expect(runId).toBeTruthy();
  });

  it("reports it on create, import and fork too (a fork's subflows stay behind in the old workspace)", async () => {
    expect((await ed.api.flows.create({ workspaceId: ed.workspaceId, name: "Mine", document: withSubflow(hiddenId) })).problems).toEqual([problemFor("sub", hiddenId)]);
    expect((await ed.api.flows.import({ workspaceId: ed.workspaceId, document: withSubflow(visibleId) })).problems).toEqual([problemFor("sub", visibleId)]);
    const { version } = await olga.api.flows.update({ id: sharedId, document: withSubflow(visibleId) });
    expect(version).toBeGreaterThan(1);
    const fork = await ed.api.flows.fork({ flowId: sharedId, workspaceId: ed.workspaceId });
    expect(fork.problems).toEqual([problemFor("sub", visibleId)]);
    await expectTrpcError(ed.api.runs.start({ flowId: fork.id, inputs: { question: "q" } }), "BAD_REQUEST", `This flow can't run yet: ${unreadable("sub", visibleId)}`);
  });
});

describe("loading a subflow for a run", () => {
  const starter = (who: { createdById?: string; apiKeyId?: string }) => ({ workspaceId, createdById: who.createdById ?? null, apiKeyId: who.apiKeyId ?? null });
  const denied = `subflow '${"ID"}' is not a flow of this workspace that whoever started the run may read`;

  it("gives the latest document to a starter who may read it", async () => {
    expect(await subflowForRun(t.db, starter({ createdById: ed.id }), visibleId)).toMatchObject({ document: { name: "Visible" } });
    expect(await subflowForRun(t.db, starter({ createdById: olga.id }), hiddenId)).toMatchObject({ document: { name: "Hidden" } });
  });

  it("refuses a flow the starting user cannot read, and one that does not exist, alike", async () => {
    await expect(subflowForRun(t.db, starter({ createdById: ed.id }), hiddenId)).rejects.toThrow(denied.replace("ID", hiddenId));
    await expect(subflowForRun(t.db, starter({ createdById: ed.id }), "no-such-flow")).rejects.toThrow(denied.replace("ID", "no-such-flow"));
  });

  it("refuses a flow of another workspace, even one the starter can read", async () => {
    const { id: own } = await ed.api.flows.import({ workspaceId: ed.workspaceId, document: askFlow("Ed's") });
    await expect(subflowForRun(t.db, starter({ createdById: ed.id }), own)).rejects.toThrow(denied.replace("ID", own));
  });

  it("lets a live key read its workspace's flows, and no revoked key or key of another workspace", async () => {
    const key = await olga.api.apiKeys.create({ workspaceId, name: "CI" });
    expect(await subflowForRun(t.db, starter({ apiKeyId: key.id }), hiddenId)).toMatchObject({ document: { name: "Hidden" } });
    const foreign = await ed.api.apiKeys.create({ workspaceId: ed.workspaceId, name: "Ed's CI" });
    await expect(subflowForRun(t.db, starter({ apiKeyId: foreign.id }), hiddenId)).rejects.toThrow(denied.replace("ID", hiddenId));
    await olga.api.apiKeys.revoke({ workspaceId, id: key.id });
    await expect(subflowForRun(t.db, starter({ apiKeyId: key.id }), hiddenId)).rejects.toThrow(denied.replace("ID", hiddenId));
  });

  it("refuses when nobody who started the run is left to vouch for it", async () => {
    await expect(subflowForRun(t.db, starter({}), visibleId)).rejects.toThrow(denied.replace("ID", visibleId));
  });
});
