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

const refusal = (nodeId: string, flow: string) => `Subflow node '${nodeId}' names flow '${flow}', which does not exist or you cannot read.`;

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

const head = async (flowId: string) => (await t.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { latestVersion: true } })).latestVersion;

describe("saving a flow with subflow nodes", () => {
  it("is refused, naming the node, when the saver cannot read the flow it names; nothing is written", async () => {
    const before = await head(sharedId);
    await expect(ed.api.flows.byId({ id: hiddenId })).rejects.toThrow("Flow not found");
    await expectTrpcError(ed.api.flows.update({ id: sharedId, document: withSubflow(hiddenId, "peek") }), "BAD_REQUEST", refusal("peek", hiddenId));
    expect(await head(sharedId)).toBe(before);
  });

  it("says the same of a flow that does not exist, so ids leak nothing", async () => {
    await expectTrpcError(ed.api.flows.update({ id: sharedId, document: withSubflow("no-such-flow", "peek") }), "BAD_REQUEST", refusal("peek", "no-such-flow"));
  });

  it("is accepted when the saver can read the flow (shared with him, or in his workspace)", async () => {
    expect(await ed.api.flows.update({ id: sharedId, document: withSubflow(visibleId) })).toMatchObject({ problems: [] });
    const { id: olgas } = await olga.api.flows.import({ workspaceId, document: askFlow("Olga's") });
    expect(await olga.api.flows.update({ id: olgas, document: withSubflow(hiddenId) })).toMatchObject({ problems: [] });
  });

  it("is refused on create and import too", async () => {
    await expectTrpcError(ed.api.flows.create({ workspaceId: ed.workspaceId, name: "Mine", document: withSubflow(hiddenId) }), "BAD_REQUEST", refusal("sub", hiddenId));
    await expectTrpcError(ed.api.flows.import({ workspaceId: ed.workspaceId, document: withSubflow(hiddenId) }), "BAD_REQUEST", refusal("sub", hiddenId));
    expect(await t.db.flow.count({ where: { workspaceId: ed.workspaceId } })).toBe(0);
  });

  it("is refused on restore, rename and fork of a version that names a flow the caller cannot read", async () => {
    const { version } = await olga.api.flows.update({ id: sharedId, document: withSubflow(hiddenId) });
    await expectTrpcError(ed.api.flows.rename({ id: sharedId, name: "Mine now" }), "BAD_REQUEST", refusal("sub", hiddenId));
    await olga.api.flows.update({ id: sharedId, document: askFlow("Shared") });
    await expectTrpcError(ed.api.flows.restore({ id: sharedId, version }), "BAD_REQUEST", refusal("sub", hiddenId));
    await olga.api.flows.restore({ id: sharedId, version });
    await expectTrpcError(ed.api.flows.fork({ flowId: sharedId, workspaceId: ed.workspaceId }), "BAD_REQUEST", refusal("sub", hiddenId));
    expect(await t.db.flow.count({ where: { workspaceId: ed.workspaceId } })).toBe(0);
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
