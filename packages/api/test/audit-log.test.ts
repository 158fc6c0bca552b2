import { beforeAll, describe, expect, it } from "vitest";
import { expectTrpcError, useTestApi } from "./support/harness";
import { createTeam, type Team } from "./support/team";

const t = useTestApi();
let team: Team;

beforeAll(async () => {
  team = await createTeam(t);
});

const SECRET = "sk-live-AUDIT0123456789abcdefSECRET";

async function latest(count: number) {
  const { entries } = await team.owner.api.workspaces.audit({
    workspaceId: team.workspaceId,
    limit: count,
  });
  return entries.map((e) => ({
    action: e.action,
    actor: e.actor?.id,
    target: e.target,
    details: e.details,
  }));
}

describe("the audit log", () => {
  it("records API keys and credentials by name, prefix and hint, never the secret", async () => {
    const ws = { workspaceId: team.workspaceId };
    const key = await team.owner.api.apiKeys.create({ ...ws, name: "CI", role: "viewer" });
    await team.owner.api.apiKeys.revoke({ ...ws, id: key.id });
    const credential = await team.owner.api.credentials.set({
      ...ws,
      provider: "openai",
      key: SECRET,
    });
    await team.owner.api.credentials.delete({ ...ws, provider: "openai" });

    const keyDetails = { name: "CI", prefix: key.prefix, role: "viewer" };
    expect(await latest(4)).toEqual([
      {
        action: "credential.deleted",
        actor: team.owner.id,
        target: "openai",
        details: { provider: "openai" },
      },
      {
        action: "credential.set",
        actor: team.owner.id,
        target: credential.id,
        details: { provider: "openai", keyHint: "…CRET" },
      },
      { action: "api_key.revoked", actor: team.owner.id, target: key.id, details: keyDetails },
      { action: "api_key.created", actor: team.owner.id, target: key.id, details: keyDetails },
    ]);
    const rows = JSON.stringify(await t.db.auditLog.findMany());
    expect(rows).not.toContain(SECRET);
    expect(rows).not.toContain(key.key);
  });

  it("is written with the change or not at all: a refused change leaves no entry", async () => {
    const before = await t.db.auditLog.count();
    const ws = { workspaceId: team.workspaceId };
    await expectTrpcError(
      team.owner.api.apiKeys.revoke({ ...ws, id: "no-such-key" }),
      "NOT_FOUND",
      "API key not found",
    );
    await expectTrpcError(
      team.owner.api.credentials.delete({ ...ws, provider: "anthropic" }),
      "NOT_FOUND",
      /No anthropic key/,
    );
    await expectTrpcError(
      team.editor.api.apiKeys.create({ ...ws, name: "Mine" }),
      "FORBIDDEN",
      /owner role/,
    );
    await expectTrpcError(
      team.owner.api.workspaces.setRole({ ...ws, userId: team.owner.id, role: "viewer" }),
      "PRECONDITION_FAILED",
      /at least one owner/,
    );
    expect(await t.db.auditLog.count()).toBe(before);
  });

  it("pages through entries without repeating or skipping any", async () => {
    for (let i = 0; i < 7; i += 1)
      await team.owner.api.apiKeys.create({ workspaceId: team.workspaceId, name: `key ${i}` });
    const all = (
      await team.owner.api.workspaces.audit({ workspaceId: team.workspaceId, limit: 200 })
    ).entries.map((e) => e.id);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await team.owner.api.workspaces.audit({
        workspaceId: team.workspaceId,
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      paged.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
  });
});
