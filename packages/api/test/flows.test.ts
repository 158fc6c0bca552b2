import { beforeAll, describe, expect, it } from "vitest";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";
import { askFlow, unwiredGateFlow } from "./support/flows";
import { createCast } from "./support/cast";

const t = useTestApi();
let ada: TestUser;
let grace: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  ({ ada, grace, viewer } = await createCast(t));
});

async function newFlow(name = "Ask") {
  return ada.api.flows.create({ workspaceId: ada.workspaceId, name, document: askFlow() });
}

describe("flows.create", () => {
  it("saves version 1 of an empty flow, reporting what it still lacks", async () => {
    const created = await ada.api.flows.create({ workspaceId: ada.workspaceId, name: "  Draft  " });
    expect(created).toMatchObject({
      version: 1,
      problems: [
        {
          code: "no-output",
          message: "the flow has no output node, so a run would produce nothing",
        },
      ],
    });
    const flow = await ada.api.flows.byId({ id: created.id });
    expect(flow).toMatchObject({
      name: "Draft",
      latestVersion: 1,
      role: "owner",
      version: { version: 1, message: "Created", document: { name: "Draft", nodes: [] } },
    });
  });

  it("keeps the given document, named as asked", async () => {
    const created = await ada.api.flows.create({
      workspaceId: ada.workspaceId,
      name: "Capitals",
      document: askFlow("ignored"),
    });
    expect(created.problems).toEqual([]);
    const { version } = await ada.api.flows.byId({ id: created.id });
    expect(version.document).toMatchObject({
      name: "Capitals",
      nodes: [{ id: "in" }, { id: "ask" }, { id: "out" }],
    });
  });

  it("saves a draft with graph problems and names them", async () => {
    const created = await ada.api.flows.create({
      workspaceId: ada.workspaceId,
      name: "Half",
      document: unwiredGateFlow(),
    });
    expect(created.problems).toEqual([
      expect.objectContaining({
        code: "gate-port-unwired",
        nodeId: "gate",
        message: "gate 'gate' has nothing connected to its 'escalate' port",
      }),
    ]);
  });

  it("refuses an empty name", async () => {
    const error = await expectTrpcError(
      ada.api.flows.create({ workspaceId: ada.workspaceId, name: "   " }),
      "BAD_REQUEST",
      /A flow needs a name/,
    );
    expect(error.cause?.name).toBe("ZodError");
  });

  it("refuses a workspace the caller is not in, as if it did not exist", async () => {
    await expectTrpcError(
      grace.api.flows.create({ workspaceId: ada.workspaceId, name: "Intruder" }),
      "NOT_FOUND",
      "Workspace not found",
    );
    await expectTrpcError(
      ada.api.flows.create({ workspaceId: "no-such-workspace", name: "Lost" }),
      "NOT_FOUND",
      "Workspace not found",
    );
  });

  it("refuses a viewer", async () => {
    await expectTrpcError(
      viewer.api.flows.create({ workspaceId: ada.workspaceId, name: "Nope" }),
      "FORBIDDEN",
      "This needs the editor role in this workspace; you are a viewer.",
    );
  });
});

describe("flows.list", () => {
  it("lists the caller's flows, filtered by workspace and name, and no one else's", async () => {
    const { id } = await newFlow("Searchable Thing");
    const mine = await ada.api.flows.list();
    expect(mine.map((f) => f.id)).toContain(id);
    expect(await ada.api.flows.list({ search: "searchable" })).toEqual([
      expect.objectContaining({
        id,
        name: "Searchable Thing",
        createdBy: { id: ada.id, name: "Ada", image: null },
      }),
    ]);
    expect(
      await viewer.api.flows.list({ workspaceId: ada.workspaceId, search: "searchable" }),
    ).toHaveLength(1);
    expect(await grace.api.flows.list()).toEqual([]);
    expect(await grace.api.flows.list({ workspaceId: ada.workspaceId })).toEqual([]);
  });

  it("includes a flow shared with the caller", async () => {
    const { id } = await newFlow("Shared with Grace");
    await t.db.flowShare.create({
      data: { flowId: id, userId: grace.id, role: "editor", createdById: ada.id },
    });
    expect((await grace.api.flows.list()).map((f) => f.id)).toEqual([id]);
    expect(await grace.api.flows.update({ id, document: askFlow("Edited by Grace") })).toEqual({
      version: 2,
      problems: [],
    });
  });
});

describe("flows.byId", () => {
  it("returns the latest version, or the one asked for, with the caller's role", async () => {
    const { id } = await newFlow("Versions");
    await ada.api.flows.update({ id, document: askFlow("Versions 2") });
    expect(await ada.api.flows.byId({ id })).toMatchObject({
      latestVersion: 2,
      name: "Versions 2",
      version: { version: 2, createdBy: { id: ada.id } },
    });
    expect(await viewer.api.flows.byId({ id, version: 1 })).toMatchObject({
      role: "viewer",
      version: { version: 1, document: { name: "Versions" } },
    });
  });

  it("says a missing flow, version or someone else's flow is not found", async () => {
    const { id } = await newFlow();
    await expectTrpcError(
      ada.api.flows.byId({ id: "no-such-flow" }),
      "NOT_FOUND",
      "Flow not found",
    );
    await expectTrpcError(
      ada.api.flows.byId({ id, version: 9 }),
      "NOT_FOUND",
      "Version 9 of this flow not found",
    );
    await expectTrpcError(grace.api.flows.byId({ id }), "NOT_FOUND", "Flow not found");
  });
});

describe("flows.delete", () => {
  it("hides the flow from list, byId and further edits", async () => {
    const { id } = await newFlow("Doomed");
    expect(await ada.api.flows.delete({ id })).toEqual({ id });
    expect((await ada.api.flows.list()).map((f) => f.id)).not.toContain(id);
    await expectTrpcError(ada.api.flows.byId({ id }), "NOT_FOUND", "Flow not found");
    await expectTrpcError(
      ada.api.flows.update({ id, document: askFlow() }),
      "NOT_FOUND",
      "Flow not found",
    );
    await expectTrpcError(ada.api.flows.delete({ id }), "NOT_FOUND", "Flow not found");
  });

  it("refuses a viewer and an outsider", async () => {
    const { id } = await newFlow();
    await expectTrpcError(viewer.api.flows.delete({ id }), "FORBIDDEN", /you are a viewer/);
    await expectTrpcError(grace.api.flows.delete({ id }), "NOT_FOUND", "Flow not found");
    expect((await ada.api.flows.byId({ id })).id).toBe(id);
  });
});
