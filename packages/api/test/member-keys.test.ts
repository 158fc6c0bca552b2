import { beforeEach, describe, expect, it } from "vitest";
import { verifyApiKey } from "../src/auth/api-keys";
import { apiKeyPrincipal } from "../src/services/access-changes";
import { useTestApi, type TestUser } from "./support/harness";
import { until } from "./support/streams";

/**
 * A key is worth no more than the person who made it: removing a member (or their leaving)
 * revokes their keys in that workspace, a lower role narrows them, and every key is checked
 * against its creator's current membership.
 */
const t = useTestApi();
let ada: TestUser;
let grace: TestUser;
let workspaceId: string;

beforeEach(async () => {
  ada = await t.user("Ada");
  grace = await t.user("Grace");
  ({ id: workspaceId } = await ada.api.workspaces.create({ name: "Team" }));
  await t.join(grace, workspaceId, "owner");
});

const keyOf = (user: TestUser, name: string, role: "editor" | "viewer" = "editor", ws = workspaceId) => user.api.apiKeys.create({ workspaceId: ws, name, role });

/** Resolves when an access change is announced for the key (what ends its open streams). */
async function announced(keyId: string): Promise<() => boolean> {
  let heard = false;
  await t.services.accessChanges.subscribe(apiKeyPrincipal(keyId), () => (heard = true));
  return () => heard;
}

const auditOf = async (target: string) =>
  (await t.db.auditLog.findMany({ where: { workspaceId, target }, select: { action: true, actorId: true, details: true }, orderBy: { createdAt: "asc" } })).map((e) => ({ ...e }));

describe("removing a member", () => {
  it("revokes the keys they made in that workspace, in the same change, with an audit entry, and announces it", async () => {
    const gone = await keyOf(grace, "Grace's CI");
    const stays = await keyOf(ada, "Ada's CI");
    const elsewhere = await keyOf(grace, "Personal", "editor", grace.workspaceId);
    const heard = await announced(gone.id);

    await ada.api.workspaces.removeMember({ workspaceId, userId: grace.id });

    expect(await verifyApiKey(t.db, gone.key)).toBeUndefined();
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: gone.id } })).revokedAt).not.toBeNull();
    expect(await verifyApiKey(t.db, stays.key)).toMatchObject({ apiKeyId: stays.id, role: "editor" });
    expect(await verifyApiKey(t.db, elsewhere.key)).toMatchObject({ apiKeyId: elsewhere.id, workspaceId: grace.workspaceId });
    expect((await auditOf(gone.id)).at(-1)).toEqual({
      action: "api_key.revoked",
      actorId: ada.id,
      details: { name: "Grace's CI", prefix: gone.prefix, role: "editor", reason: "member.removed" },
    });
    await until(heard);
  });

  it("revokes one's keys on leaving, too", async () => {
    const key = await keyOf(grace, "Grace's CI");
    await grace.api.workspaces.removeMember({ workspaceId, userId: grace.id });
    expect(await verifyApiKey(t.db, key.key)).toBeUndefined();
    expect((await auditOf(key.id)).at(-1)).toMatchObject({ action: "api_key.revoked", actorId: grace.id, details: { reason: "member.left" } });
  });

  it("leaves nothing revoked when the removal is refused (the last owner)", async () => {
    await ada.api.workspaces.removeMember({ workspaceId, userId: grace.id });
    const key = await keyOf(ada, "Ada's CI");
    await expect(ada.api.workspaces.removeMember({ workspaceId, userId: ada.id })).rejects.toThrow(/at least one owner/);
    expect(await verifyApiKey(t.db, key.key)).toMatchObject({ apiKeyId: key.id });
  });
});

describe("lowering a member's role", () => {
  it("narrows their keys to the new role, with an audit entry, and announces it", async () => {
    const editorKey = await keyOf(grace, "Deploys");
    const viewerKey = await keyOf(grace, "Dashboards", "viewer");
    const heard = await announced(editorKey.id);

    await ada.api.workspaces.setRole({ workspaceId, userId: grace.id, role: "viewer" });

    expect(await verifyApiKey(t.db, editorKey.key)).toMatchObject({ apiKeyId: editorKey.id, role: "viewer" });
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: editorKey.id } })).role).toBe("viewer");
    expect(await verifyApiKey(t.db, viewerKey.key)).toMatchObject({ role: "viewer" });
    expect((await auditOf(editorKey.id)).at(-1)).toEqual({
      action: "api_key.narrowed",
      actorId: ada.id,
      details: { name: "Deploys", prefix: editorKey.prefix, from: "editor", to: "viewer" },
    });
    expect(await auditOf(viewerKey.id)).toHaveLength(1); // created, nothing else
    await until(heard);
  });

  it("keeps keys that the new role still covers (an owner made an editor keeps editor keys)", async () => {
    const key = await keyOf(grace, "Deploys");
    await ada.api.workspaces.setRole({ workspaceId, userId: grace.id, role: "editor" });
    expect(await verifyApiKey(t.db, key.key)).toMatchObject({ role: "editor" });
    expect(await auditOf(key.id)).toHaveLength(1);
  });
});

describe("verifyApiKey", () => {
  it("checks the creator's current membership: none, and the key grants nothing", async () => {
    const key = await keyOf(grace, "Old");
    // A membership ended without the key being revoked (say, before keys were revoked on removal).
    await t.db.membership.delete({ where: { workspaceId_userId: { workspaceId, userId: grace.id } } });
    expect(await verifyApiKey(t.db, key.key)).toBeUndefined();
  });

  it("grants the lower of the key's role and its creator's current role", async () => {
    const key = await keyOf(grace, "Old");
    await t.db.membership.update({ where: { workspaceId_userId: { workspaceId, userId: grace.id } }, data: { role: "viewer" } });
    expect(await verifyApiKey(t.db, key.key)).toMatchObject({ apiKeyId: key.id, role: "viewer" });
  });
});
