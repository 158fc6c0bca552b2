import { beforeAll, describe, expect, it } from "vitest";
import { nodeCatalog } from "@switchyard/core";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";
import { GOOD_KEY } from "./support/services";
import { example } from "./support/flows";
import { createCast } from "./support/cast";

const t = useTestApi();
let ada: TestUser;
let grace: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  ({ ada, grace, viewer } = await createCast(t));
});

describe("catalog.nodes", () => {
  it("lists every node type with ports and defaults, signed in or not", async () => {
    const nodes = await t.anonymous().catalog.nodes();
    expect(nodes).toEqual(nodeCatalog());
    expect(nodes.map((n) => n.type)).toEqual(
      expect.arrayContaining(["input", "output", "model", "vote", "gate", "router", "constant"]),
    );
    expect(nodes.find((n) => n.type === "gate")).toMatchObject({ defaults: { threshold: 0.8 } });
  });
});

describe("catalog.templates", () => {
  it("offers the example flows, each importable as it is", async () => {
    const templates = await t.anonymous().catalog.templates();
    expect(templates.map((tpl) => tpl.id)).toEqual([
      "cascade",
      "ensemble-vote",
      "fallback-chain",
      "hybrid",
      "pipeline",
      "routing",
    ]);
    const cascade = templates[0]!;
    expect(cascade).toMatchObject({
      name: "Cascade with fallback",
      description: expect.stringContaining("confidence gate"),
    });
    expect(cascade.document).toEqual(example("cascade"));
    expect(
      await ada.api.flows.import({ workspaceId: ada.workspaceId, document: cascade.document }),
    ).toMatchObject({ version: 1, problems: [] });
  });
});

describe("catalog.models", () => {
  it("groups models by provider and marks keyed ones available once the workspace stores a key", async () => {
    const before = await viewer.api.catalog.models({ workspaceId: ada.workspaceId });
    expect(before.map((g) => [g.provider, g.available])).toEqual([
      ["sim", true],
      ["openai", false],
    ]);
    expect(before[0]!.models.map((m) => m.id)).toEqual(["sim:fast", "sim:strong"]);
    expect(before[1]!.unavailable).toBe("No OpenAI key is stored for this workspace.");

    await ada.api.credentials.set({
      workspaceId: ada.workspaceId,
      provider: "openai",
      key: GOOD_KEY,
    });
    const after = await viewer.api.catalog.models({ workspaceId: ada.workspaceId });
    expect(after[1]).toMatchObject({
      provider: "openai",
      available: true,
      models: [{ id: "openai:gpt-4o-mini", available: true }],
    });
    expect(JSON.stringify(after)).not.toContain(GOOD_KEY);
    // Another workspace's key does not unlock anything here.
    expect((await grace.api.catalog.models({ workspaceId: grace.workspaceId }))[1]!.available).toBe(
      false,
    );
  });

  it("says a workspace the caller is not in is not found", async () => {
    await expectTrpcError(
      grace.api.catalog.models({ workspaceId: ada.workspaceId }),
      "NOT_FOUND",
      "Workspace not found",
    );
    await expectTrpcError(
      ada.api.catalog.models({ workspaceId: "no-such-workspace" }),
      "NOT_FOUND",
      "Workspace not found",
    );
  });
});

describe("catalog.models by flow", () => {
  it("gives someone the flow was shared with its workspace's models, and no one else", async () => {
    const { id: flowId } = await ada.api.flows.import({ workspaceId: ada.workspaceId, document: example("cascade") });
    await expectTrpcError(grace.api.catalog.models({ flowId }), "NOT_FOUND", "Flow not found");
    await ada.api.shares.shareWithUser({ flowId, email: grace.email, role: "viewer" });
    const models = await grace.api.catalog.models({ flowId });
    expect(models.map((g) => g.provider)).toEqual(["sim", "openai"]);
    await expect(grace.api.catalog.models({})).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Give either a workspaceId or a flowId") });
  });
});
