import { beforeAll, describe, expect, it } from "vitest";
import { flowDocumentSchema } from "@switchyard/core";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";
import { askFlow, example } from "./support/flows";
import { createCast } from "./support/cast";

const t = useTestApi();
let ada: TestUser;
let grace: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  ({ ada, grace, viewer } = await createCast(t));
});

const importInto = (user: TestUser, document: unknown) =>
  user.api.flows.import({ workspaceId: user.workspaceId, document });

describe("flows.versions and flows.restore", () => {
  it("lists versions newest first, without documents", async () => {
    const { id } = await importInto(ada, askFlow("One"));
    await ada.api.flows.update({ id, document: askFlow("Two"), message: "second" });
    const versions = await viewer.api.flows.versions({ id });
    expect(versions.map((v) => [v.version, v.message])).toEqual([
      [2, "second"],
      [1, "Imported"],
    ]);
    expect(versions[0]).not.toHaveProperty("document");
  });

  it("restores by writing a new version; the old ones stay as they were", async () => {
    const { id } = await importInto(ada, askFlow("One"));
    await ada.api.flows.update({ id, document: askFlow("Two") });
    const v1 = await ada.api.flows.export({ id, version: 1 });
    const v2 = await ada.api.flows.export({ id, version: 2 });

    expect(await ada.api.flows.restore({ id, version: 1 })).toEqual({ version: 3, problems: [] });

    expect(await ada.api.flows.byId({ id })).toMatchObject({
      name: "One",
      latestVersion: 3,
      version: { version: 3, message: "Restored version 1" },
    });
    expect(await ada.api.flows.export({ id, version: 3 })).toEqual(v1);
    expect(await ada.api.flows.export({ id, version: 1 })).toEqual(v1);
    expect(await ada.api.flows.export({ id, version: 2 })).toEqual(v2);
    expect((await ada.api.flows.versions({ id })).map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it("says a missing version, a missing flow and someone else's flow are not found; a viewer may not restore", async () => {
    const { id } = await importInto(ada, askFlow());
    await expectTrpcError(
      ada.api.flows.restore({ id, version: 7 }),
      "NOT_FOUND",
      "Version 7 of this flow not found",
    );
    await expectTrpcError(ada.api.flows.versions({ id: "nope" }), "NOT_FOUND", "Flow not found");
    await expectTrpcError(grace.api.flows.versions({ id }), "NOT_FOUND", "Flow not found");
    await expectTrpcError(
      grace.api.flows.restore({ id, version: 1 }),
      "NOT_FOUND",
      "Flow not found",
    );
    await expectTrpcError(
      viewer.api.flows.restore({ id, version: 1 }),
      "FORBIDDEN",
      /you are a viewer/,
    );
    await expectTrpcError(ada.api.flows.restore({ id, version: 0 }), "BAD_REQUEST", /too_small|>0/);
  });
});

describe("flows.import and flows.export", () => {
  it.each(["cascade", "ensemble-vote", "fallback-chain", "hybrid", "pipeline", "routing"])(
    "round-trips the %s example",
    async (name) => {
      const file = example(name);
      const imported = await importInto(ada, file);
      expect(imported).toMatchObject({ version: 1, problems: [] });
      const exported = await ada.api.flows.export({ id: imported.id });
      // What is stored is the file as parsed: the same content, with omitted defaults filled in.
      expect(exported).toEqual(flowDocumentSchema.parse(file));
      const again = await importInto(ada, exported);
      expect(await ada.api.flows.export({ id: again.id })).toEqual(exported);
    },
  );

  it("exports exactly the document saved, for a viewer too, at any version", async () => {
    const document = {
      ...askFlow("Exact"),
      description: "Every field spelled out",
      edges: askFlow().edges.map((e) => ({ ...e, kind: "data" as const })),
    };
    const { id } = await importInto(ada, document);
    await ada.api.flows.update({ id, document: askFlow("Later") });
    expect(await viewer.api.flows.export({ id, version: 1 })).toStrictEqual(document);
    expect(await ada.api.flows.export({ id })).toMatchObject({ name: "Later" });
  });

  it("refuses an export of a missing version or someone else's flow", async () => {
    const { id } = await importInto(ada, askFlow());
    await expectTrpcError(
      ada.api.flows.export({ id, version: 4 }),
      "NOT_FOUND",
      "Version 4 of this flow not found",
    );
    await expectTrpcError(grace.api.flows.export({ id }), "NOT_FOUND", "Flow not found");
  });

  it("imports only into a workspace where the caller may edit", async () => {
    await expectTrpcError(
      grace.api.flows.import({ workspaceId: ada.workspaceId, document: askFlow() }),
      "NOT_FOUND",
      "Workspace not found",
    );
    await expectTrpcError(
      viewer.api.flows.import({ workspaceId: ada.workspaceId, document: askFlow() }),
      "FORBIDDEN",
      "This needs the editor role in this workspace; you are a viewer.",
    );
  });
});

describe("invalid documents", () => {
  it("names every structural problem with its place", async () => {
    const wrongTypes = {
      format: "switchyard.flow/v1",
      name: 42,
      nodes: "lots",
      edges: [{ source: 1 }],
    };
    await expectTrpcError(
      importInto(ada, wrongTypes),
      "BAD_REQUEST",
      "Invalid flow: flow: name: Invalid input: expected string, received number; flow: nodes: Invalid input: expected array, received string; " +
        "edge '#0': source: Invalid input: expected string, received number; edge '#0': target: Invalid input: expected string, received undefined",
    );
    await expectTrpcError(
      importInto(ada, { ...askFlow(), nodes: [{ id: "9lives", type: "input" }] }),
      "BAD_REQUEST",
      /node '9lives': id: must start with a letter/,
    );
    await expectTrpcError(
      importInto(ada, { ...askFlow(), colour: "blue" }),
      "BAD_REQUEST",
      /Invalid flow: flow: .*colour/,
    );
  });

  it("refuses an unknown or missing format, and anything but an object", async () => {
    await expectTrpcError(
      importInto(ada, { ...askFlow(), format: "switchyard.flow/v9" }),
      "BAD_REQUEST",
      'Invalid flow: unsupported flow format "switchyard.flow/v9"; this version reads switchyard.flow/v1',
    );
    await expectTrpcError(
      importInto(ada, { name: "No format", nodes: [] }),
      "BAD_REQUEST",
      'Invalid flow: not a Switchyard flow: missing "format": "switchyard.flow/v1"',
    );
    await expectTrpcError(
      importInto(ada, [askFlow()]),
      "BAD_REQUEST",
      "Invalid flow: a flow document must be a JSON object",
    );
    await expectTrpcError(
      importInto(ada, null),
      "BAD_REQUEST",
      "Invalid flow: a flow document must be a JSON object",
    );
  });

  it("refuses a document over 2 MB before parsing it, on every path that saves one", async () => {
    const { id } = await importInto(ada, askFlow());
    const huge = { ...askFlow(), description: "x".repeat(2_100_000) };
    const tooLarge = "The flow is 2.1 MB; the limit is 2 MB.";
    await expectTrpcError(importInto(ada, huge), "PAYLOAD_TOO_LARGE", tooLarge);
    await expectTrpcError(
      ada.api.flows.create({ workspaceId: ada.workspaceId, name: "Huge", document: huge }),
      "PAYLOAD_TOO_LARGE",
      tooLarge,
    );
    await expectTrpcError(
      ada.api.flows.update({ id, document: huge }),
      "PAYLOAD_TOO_LARGE",
      tooLarge,
    );
    expect((await ada.api.flows.versions({ id })).map((v) => v.version)).toEqual([1]);
  });

  it("writes nothing when a document is refused", async () => {
    const before = await t.db.flow.count();
    await importInto(ada, { ...askFlow(), format: "nope" }).catch(() => undefined);
    await ada.api.flows
      .create({
        workspaceId: ada.workspaceId,
        name: "Bad",
        document: { ...askFlow(), inputs: "question" },
      })
      .catch(() => undefined);
    expect(await t.db.flow.count()).toBe(before);
  });
});
