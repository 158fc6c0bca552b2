import { beforeAll, describe, expect, it } from "vitest";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";
import { askFlow } from "./support/flows";
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

describe("flows.update", () => {
  it("writes a new version when the base is current", async () => {
    const { id } = await newFlow();
    expect(
      await ada.api.flows.update({
        id,
        document: askFlow("Ask v2"),
        baseVersion: 1,
        message: "Renamed by hand",
      }),
    ).toEqual({ version: 2, problems: [] });
    expect(await ada.api.flows.byId({ id })).toMatchObject({
      name: "Ask v2",
      version: { version: 2, message: "Renamed by hand" },
    });
  });

  it("refuses a save based on a stale version", async () => {
    const { id } = await newFlow();
    await ada.api.flows.update({ id, document: askFlow("First"), baseVersion: 1 });
    await expectTrpcError(
      ada.api.flows.update({ id, document: askFlow("Second"), baseVersion: 1 }),
      "CONFLICT",
      "Someone saved version 2 after the version 1 you edited; reload to see it.",
    );
    expect((await ada.api.flows.byId({ id })).name).toBe("First");
  });

  it("lets exactly one of two simultaneous saves of the same base win; the other conflicts", async () => {
    const { id } = await newFlow();
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) =>
        ada.api.flows.update({ id, document: askFlow(`Racer ${n}`), baseVersion: 1 }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect((await ada.api.flows.versions({ id })).map((v) => v.version)).toEqual([2, 1]);
  });

  it("refuses a viewer, an outsider and an invalid document", async () => {
    const { id } = await newFlow();
    await expectTrpcError(
      viewer.api.flows.update({ id, document: askFlow() }),
      "FORBIDDEN",
      "You can view this flow but not change it (editor role needed; you are a viewer).",
    );
    await expectTrpcError(
      grace.api.flows.update({ id, document: askFlow() }),
      "NOT_FOUND",
      "Flow not found",
    );
    await expectTrpcError(
      ada.api.flows.update({ id, document: { ...askFlow(), nodes: {} } }),
      "BAD_REQUEST",
      "Invalid flow: flow: nodes: Invalid input: expected array, received object",
    );
    expect((await ada.api.flows.byId({ id })).latestVersion).toBe(1);
  });
});

describe("flows.rename", () => {
  it("saves the current document under the new name as a new version", async () => {
    const { id } = await newFlow("Old name");
    expect(await ada.api.flows.rename({ id, name: "New name" })).toEqual({
      version: 2,
      problems: [],
    });
    const flow = await ada.api.flows.byId({ id });
    expect(flow).toMatchObject({
      name: "New name",
      version: {
        message: "Renamed to New name",
        document: { name: "New name", nodes: askFlow().nodes },
      },
    });
  });

  it("refuses a viewer, an outsider and an empty name", async () => {
    const { id } = await newFlow();
    await expectTrpcError(
      viewer.api.flows.rename({ id, name: "Mine" }),
      "FORBIDDEN",
      /you are a viewer/,
    );
    await expectTrpcError(
      grace.api.flows.rename({ id, name: "Mine" }),
      "NOT_FOUND",
      "Flow not found",
    );
    await expectTrpcError(
      ada.api.flows.rename({ id, name: "" }),
      "BAD_REQUEST",
      /A flow needs a name/,
    );
  });
});
