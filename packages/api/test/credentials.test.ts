import { beforeAll, describe, expect, it } from "vitest";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";
import { GOOD_KEY } from "./support/services";

const t = useTestApi();
let ada: TestUser;
let grace: TestUser;
let editor: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  ada = await t.user("Ada");
  grace = await t.user("Grace");
  editor = await t.user("Eve");
  viewer = await t.user("Vic");
  await t.join(editor, ada.workspaceId, "editor");
  await t.join(viewer, ada.workspaceId, "viewer");
});

const SECRET = "sk-live-0123456789abcdefSECRET";

describe("credentials.set and credentials.list", () => {
  it("stores a key encrypted and never returns it", async () => {
    const responses: unknown[] = [];
    const saved = await ada.api.credentials.set({
      workspaceId: ada.workspaceId,
      provider: "openai",
      key: `  ${SECRET}  `,
    });
    responses.push(saved);
    expect(saved).toMatchObject({
      provider: "openai",
      keyHint: "…CRET",
      workspaceId: ada.workspaceId,
      createdBy: { id: ada.id },
    });
    expect(saved).not.toHaveProperty("ciphertext");

    const listed = await viewer.api.credentials.list({ workspaceId: ada.workspaceId });
    responses.push(listed);
    expect(listed).toEqual([expect.objectContaining({ provider: "openai", keyHint: "…CRET" })]);
    for (const row of listed)
      expect(Object.keys(row).sort()).toEqual([
        "createdAt",
        "createdBy",
        "id",
        "keyHint",
        "provider",
        "updatedAt",
        "workspaceId",
      ]);
    responses.push(
      await ada.api.credentials.test({ workspaceId: ada.workspaceId, provider: "openai" }),
    );
    expect(JSON.stringify(responses)).not.toContain(SECRET);

    const row = await t.db.providerCredential.findUniqueOrThrow({
      where: { workspaceId_provider: { workspaceId: ada.workspaceId, provider: "openai" } },
    });
    expect(Buffer.from(row.ciphertext).toString("utf8")).not.toContain(SECRET);
    const sealed = {
      ciphertext: new Uint8Array(row.ciphertext),
      iv: new Uint8Array(row.iv),
      authTag: new Uint8Array(row.authTag),
    };
    // The key was trimmed, and it is bound to its workspace and provider.
    expect(t.vault.open(sealed, `${ada.workspaceId}:openai`)).toBe(SECRET);
    expect(() => t.vault.open(sealed, `${grace.workspaceId}:openai`)).toThrow();
  });

  it("replaces a provider's key rather than adding a second", async () => {
    await ada.api.credentials.set({
      workspaceId: ada.workspaceId,
      provider: "anthropic",
      key: "first-key-1111",
    });
    await ada.api.credentials.set({
      workspaceId: ada.workspaceId,
      provider: "anthropic",
      key: "second-key-2222",
    });
    const anthropic = (await ada.api.credentials.list({ workspaceId: ada.workspaceId })).filter(
      (c) => c.provider === "anthropic",
    );
    expect(anthropic).toEqual([expect.objectContaining({ keyHint: "…2222" })]);
  });

  it("refuses an unknown provider, a key too short to be one, and anyone but an owner", async () => {
    await expectTrpcError(
      ada.api.credentials.set({ workspaceId: ada.workspaceId, provider: "acme", key: SECRET }),
      "BAD_REQUEST",
      "Unknown provider 'acme'; keys can be stored for openai, anthropic.",
    );
    await expectTrpcError(
      ada.api.credentials.set({ workspaceId: ada.workspaceId, provider: "openai", key: " short " }),
      "BAD_REQUEST",
      /That does not look like an API key/,
    );
    await expectTrpcError(
      editor.api.credentials.set({ workspaceId: ada.workspaceId, provider: "openai", key: SECRET }),
      "FORBIDDEN",
      "This needs the owner role in this workspace; you are an editor.",
    );
    await expectTrpcError(
      grace.api.credentials.set({ workspaceId: ada.workspaceId, provider: "openai", key: SECRET }),
      "NOT_FOUND",
      "Workspace not found",
    );
    await expectTrpcError(
      grace.api.credentials.list({ workspaceId: ada.workspaceId }),
      "NOT_FOUND",
      "Workspace not found",
    );
  });
});

describe("credentials.test", () => {
  it("tries a given key or the stored one and reports the result in words", async () => {
    expect(
      await editor.api.credentials.test({
        workspaceId: ada.workspaceId,
        provider: "openai",
        key: GOOD_KEY,
      }),
    ).toEqual({ ok: true, models: ["openai:gpt-4o-mini"] });
    expect(
      await editor.api.credentials.test({
        workspaceId: ada.workspaceId,
        provider: "openai",
        key: "wrong-key-123",
      }),
    ).toEqual({
      ok: false,
      message: "The openai API rejected this key (401 Unauthorized).",
    });
    await ada.api.credentials.set({
      workspaceId: ada.workspaceId,
      provider: "anthropic",
      key: GOOD_KEY,
    });
    expect(
      await editor.api.credentials.test({ workspaceId: ada.workspaceId, provider: "anthropic" }),
    ).toEqual({ ok: true, models: [] });
  });

  it("says when no key is stored, and refuses viewers and outsiders", async () => {
    await expectTrpcError(
      grace.api.credentials.test({ workspaceId: grace.workspaceId, provider: "openai" }),
      "NOT_FOUND",
      "No openai key is stored for this workspace.",
    );
    await expectTrpcError(
      viewer.api.credentials.test({ workspaceId: ada.workspaceId, provider: "openai" }),
      "FORBIDDEN",
      "This needs the editor role in this workspace; you are a viewer.",
    );
    await expectTrpcError(
      grace.api.credentials.test({
        workspaceId: ada.workspaceId,
        provider: "openai",
        key: GOOD_KEY,
      }),
      "NOT_FOUND",
      "Workspace not found",
    );
  });
});

describe("credentials.delete", () => {
  it("removes the key; deleting it again says there is none", async () => {
    await grace.api.credentials.set({
      workspaceId: grace.workspaceId,
      provider: "openai",
      key: SECRET,
    });
    expect(
      await grace.api.credentials.delete({ workspaceId: grace.workspaceId, provider: "openai" }),
    ).toEqual({ provider: "openai" });
    expect(await grace.api.credentials.list({ workspaceId: grace.workspaceId })).toEqual([]);
    await expectTrpcError(
      grace.api.credentials.delete({ workspaceId: grace.workspaceId, provider: "openai" }),
      "NOT_FOUND",
      "No openai key is stored for this workspace.",
    );
  });

  it("refuses anyone but an owner", async () => {
    await expectTrpcError(
      editor.api.credentials.delete({ workspaceId: ada.workspaceId, provider: "openai" }),
      "FORBIDDEN",
      /needs the owner role/,
    );
    await expectTrpcError(
      grace.api.credentials.delete({ workspaceId: ada.workspaceId, provider: "openai" }),
      "NOT_FOUND",
      "Workspace not found",
    );
    expect(
      (await ada.api.credentials.list({ workspaceId: ada.workspaceId })).map((c) => c.provider),
    ).toContain("openai");
  });
});
