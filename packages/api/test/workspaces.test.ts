import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";

const t = useTestApi();
let ada: TestUser;
let team: string;

beforeAll(async () => {
  ada = await t.user("Ada");
  team = (await ada.api.workspaces.create({ name: "Analytics" })).id;
});

/** The token inside an invitation path. */
const tokenOf = (path: string) => path.replace(/^\/invite\//, "");

async function invite(email: string, role: "owner" | "editor" | "viewer" = "editor") {
  return ada.api.workspaces.invite({ workspaceId: team, email, role });
}

describe("workspaces.create", () => {
  it("creates a team workspace whose creator is its owner", async () => {
    const lin = await t.user("Lin");
    const created = await lin.api.workspaces.create({ name: "  Research  " });
    expect(created).toMatchObject({ name: "Research", personal: false, role: "owner" });
    const me = await lin.api.me.get();
    expect(me.workspaces).toContainEqual({
      id: created.id,
      name: "Research",
      personal: false,
      role: "owner",
    });
    await expectTrpcError(
      lin.api.workspaces.create({ name: " " }),
      "BAD_REQUEST",
      /A workspace needs a name/,
    );
  });
});

describe("invitations", () => {
  it("invites by email with a one-time link valid for 7 days; only a hash of its token is stored", async () => {
    const before = Date.now();
    const created = await invite("Bea@Example.com");
    expect(created).toMatchObject({ email: "bea@example.com", role: "editor" });
    expect(created.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const days = (created.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);

    const token = tokenOf(created.path);
    const row = await t.db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);

    const pending = await ada.api.workspaces.invitations({ workspaceId: team });
    expect(pending.map((i) => i.id)).toContain(created.id);
    expect(JSON.stringify(pending)).not.toContain(token);
    expect(JSON.stringify(pending)).not.toContain(row.tokenHash);
  });

  it("shows what a link offers to anyone holding it, signed in or not", async () => {
    const { path } = await invite("cy@example.com", "viewer");
    expect(await t.anonymous().workspaces.inviteInfo({ token: tokenOf(path) })).toMatchObject({
      workspaceName: "Analytics",
      email: "cy@example.com",
      role: "viewer",
      invitedBy: "Ada",
      status: "pending",
    });
    await expectTrpcError(
      t.anonymous().workspaces.inviteInfo({ token: "x".repeat(43) }),
      "NOT_FOUND",
      "This invitation link is not valid.",
    );
  });

  it("lets the invited user join, matching the email case-insensitively, once", async () => {
    const dee = await t.user("Dee");
    const { path } = await invite(dee.email.toUpperCase(), "viewer");
    const token = tokenOf(path);
    expect(await dee.api.workspaces.acceptInvite({ token })).toEqual({
      workspaceId: team,
      workspaceName: "Analytics",
      role: "viewer",
    });
    expect((await dee.api.me.get()).workspaces).toContainEqual(
      expect.objectContaining({ id: team, role: "viewer" }),
    );
    // Clicking the link again is harmless.
    expect(await dee.api.workspaces.acceptInvite({ token })).toMatchObject({ role: "viewer" });
    expect(await t.db.membership.count({ where: { workspaceId: team, userId: dee.id } })).toBe(1);
    expect((await t.anonymous().workspaces.inviteInfo({ token })).status).toBe("accepted");
    expect(
      (await ada.api.workspaces.invitations({ workspaceId: team })).map((i) => i.email),
    ).not.toContain(dee.email.toLowerCase());
  });

  it("refuses someone else's invitation, with nothing joined", async () => {
    const eve = await t.user("Eve");
    const { path } = await invite("fay@example.com");
    await expectTrpcError(
      eve.api.workspaces.acceptInvite({ token: tokenOf(path) }),
      "FORBIDDEN",
      `This invitation is for fay@example.com; you are signed in as ${eve.email}.`,
    );
    expect(await t.db.membership.count({ where: { workspaceId: team, userId: eve.id } })).toBe(0);
  });

  it("says clearly when a link expired, was withdrawn or was used by someone who then left", async () => {
    const gus = await t.user("Gus");
    const expired = await invite(gus.email);
    await t.db.invitation.update({
      where: { id: expired.id },
      data: { expiresAt: new Date("2026-01-02T00:00:00Z") },
    });
    await expectTrpcError(
      gus.api.workspaces.acceptInvite({ token: tokenOf(expired.path) }),
      "PRECONDITION_FAILED",
      "This invitation expired on 2026-01-02; ask a workspace owner for a new one.",
    );

    const withdrawn = await invite(gus.email);
    await ada.api.workspaces.revokeInvitation({ workspaceId: team, id: withdrawn.id });
    await expectTrpcError(
      gus.api.workspaces.acceptInvite({ token: tokenOf(withdrawn.path) }),
      "PRECONDITION_FAILED",
      "This invitation was withdrawn; ask a workspace owner for a new one.",
    );

    const used = await invite(gus.email);
    await gus.api.workspaces.acceptInvite({ token: tokenOf(used.path) });
    await gus.api.workspaces.removeMember({ workspaceId: team, userId: gus.id });
    await expectTrpcError(
      gus.api.workspaces.acceptInvite({ token: tokenOf(used.path) }),
      "PRECONDITION_FAILED",
      "This invitation has already been used; ask a workspace owner for a new one.",
    );
    await expectTrpcError(
      gus.api.workspaces.acceptInvite({ token: "not-a-token" }),
      "NOT_FOUND",
      "This invitation link is not valid.",
    );
  });

  it("replaces an older pending invitation to the same address", async () => {
    const first = await invite("hal@example.com", "viewer");
    const second = await invite("hal@example.com", "editor");
    expect((await t.anonymous().workspaces.inviteInfo({ token: tokenOf(first.path) })).status).toBe(
      "revoked",
    );
    const pending = await ada.api.workspaces.invitations({ workspaceId: team });
    expect(pending.filter((i) => i.email === "hal@example.com").map((i) => i.id)).toEqual([
      second.id,
    ]);
  });

  it("never lowers a member's role, and raises it to the invited one", async () => {
    const ivy = await t.user("Ivy");
    const { id: other } = await ada.api.workspaces.create({ name: "Other" });
    await t.join(ivy, other, "editor");
    // Invitations are refused for members, so this one was sent before Ivy joined another way.
    await t.db.membership.delete({
      where: { workspaceId_userId: { workspaceId: other, userId: ivy.id } },
    });
    const asViewer = await ada.api.workspaces.invite({
      workspaceId: other,
      email: ivy.email,
      role: "viewer",
    });
    await t.join(ivy, other, "editor");
    expect(await ivy.api.workspaces.acceptInvite({ token: tokenOf(asViewer.path) })).toMatchObject({
      role: "editor",
    });
  });

  it("refuses personal workspaces, current members and non-owners", async () => {
    const jo = await t.user("Jo");
    await t.join(jo, team, "editor");
    await expectTrpcError(
      ada.api.workspaces.invite({
        workspaceId: ada.workspaceId,
        email: "x@example.com",
        role: "viewer",
      }),
      "BAD_REQUEST",
      "A personal workspace is yours alone; create a team workspace to invite people.",
    );
    await expectTrpcError(
      invite(jo.email.toUpperCase()),
      "CONFLICT",
      `${jo.email} is already a member of this workspace.`,
    );
    await expectTrpcError(
      jo.api.workspaces.invite({ workspaceId: team, email: "x@example.com", role: "viewer" }),
      "FORBIDDEN",
      "This needs the owner role in this workspace; you are an editor.",
    );
    await expectTrpcError(
      jo.api.workspaces.invitations({ workspaceId: team }),
      "FORBIDDEN",
      /owner role/,
    );
    await expectTrpcError(
      ada.api.workspaces.invite({ workspaceId: team, email: "not an email", role: "viewer" }),
      "BAD_REQUEST",
      /email/,
    );
  });
});

describe("members and roles", () => {
  it("shows members with name, email and role to any member, owners first", async () => {
    const { id } = await ada.api.workspaces.create({ name: "Members" });
    const kim = await t.user("Kim");
    await t.join(kim, id, "viewer");
    const members = await kim.api.workspaces.members({ workspaceId: id });
    expect(members.map((m) => [m.user.name, m.user.email, m.role])).toEqual([
      ["Ada", ada.email, "owner"],
      ["Kim", kim.email, "viewer"],
    ]);
  });

  it("lets owners change roles, but never leaves a workspace without an owner", async () => {
    const { id } = await ada.api.workspaces.create({ name: "Roles" });
    const lee = await t.user("Lee");
    await t.join(lee, id, "viewer");
    expect(
      await ada.api.workspaces.setRole({ workspaceId: id, userId: lee.id, role: "owner" }),
    ).toEqual({
      workspaceId: id,
      userId: lee.id,
      role: "owner",
    });
    // Two owners now: one may step down, but then the other is the last.
    await lee.api.workspaces.setRole({ workspaceId: id, userId: ada.id, role: "editor" });
    await expectTrpcError(
      lee.api.workspaces.setRole({ workspaceId: id, userId: lee.id, role: "viewer" }),
      "PRECONDITION_FAILED",
      "A workspace needs at least one owner: make someone else an owner before stepping down.",
    );
    await expectTrpcError(
      ada.api.workspaces.setRole({ workspaceId: id, userId: ada.id, role: "owner" }),
      "FORBIDDEN",
      /needs the owner role/,
    );
    await expectTrpcError(
      lee.api.workspaces.setRole({ workspaceId: id, userId: "no-such-user", role: "viewer" }),
      "NOT_FOUND",
      "Member not found",
    );
  });

  it("serialises two owners demoting each other: one wins, an owner remains", async () => {
    const { id } = await ada.api.workspaces.create({ name: "Race" });
    const max = await t.user("Max");
    await t.join(max, id, "owner");
    const results = await Promise.allSettled([
      ada.api.workspaces.setRole({ workspaceId: id, userId: max.id, role: "viewer" }),
      max.api.workspaces.setRole({ workspaceId: id, userId: ada.id, role: "viewer" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.membership.count({ where: { workspaceId: id, role: "owner" } })).toBe(1);
  });

  it("lets owners remove members and anyone leave; the last owner can do neither", async () => {
    const { id } = await ada.api.workspaces.create({ name: "Leaving" });
    const [ned, oli] = [await t.user("Ned"), await t.user("Oli")];
    await t.join(ned, id, "editor");
    await t.join(oli, id, "viewer");
    await expectTrpcError(
      ned.api.workspaces.removeMember({ workspaceId: id, userId: oli.id }),
      "FORBIDDEN",
      /needs the owner role/,
    );
    expect(await oli.api.workspaces.removeMember({ workspaceId: id, userId: oli.id })).toEqual({
      workspaceId: id,
      userId: oli.id,
    });
    await ada.api.workspaces.removeMember({ workspaceId: id, userId: ned.id });
    await expectTrpcError(
      ned.api.workspaces.members({ workspaceId: id }),
      "NOT_FOUND",
      "Workspace not found",
    );
    await expectTrpcError(
      ada.api.workspaces.removeMember({ workspaceId: id, userId: ada.id }),
      "PRECONDITION_FAILED",
      "A workspace needs at least one owner: make someone else an owner before leaving.",
    );
    await expectTrpcError(
      ada.api.workspaces.removeMember({ workspaceId: ada.workspaceId, userId: ada.id }),
      "PRECONDITION_FAILED",
      /at least one owner/,
    );
  });
});

describe("workspaces.audit", () => {
  it("records membership changes for owners only, newest first, page by page", async () => {
    const { id } = await ada.api.workspaces.create({ name: "Audited" });
    const pat = await t.user("Pat");
    const { path } = await ada.api.workspaces.invite({
      workspaceId: id,
      email: pat.email,
      role: "viewer",
    });
    await pat.api.workspaces.acceptInvite({ token: tokenOf(path) });
    await ada.api.workspaces.setRole({ workspaceId: id, userId: pat.id, role: "editor" });
    await ada.api.workspaces.removeMember({ workspaceId: id, userId: pat.id });

    const first = await ada.api.workspaces.audit({ workspaceId: id, limit: 3 });
    const second = await ada.api.workspaces.audit({
      workspaceId: id,
      limit: 3,
      cursor: first.nextCursor!,
    });
    expect(second.nextCursor).toBeNull();
    const actions = [...first.entries, ...second.entries].map((e) => [
      e.action,
      e.actor?.name,
      e.details,
    ]);
    expect(actions).toEqual([
      ["member.removed", "Ada", { email: pat.email, role: "editor" }],
      ["member.role_changed", "Ada", { email: pat.email, from: "viewer", to: "editor" }],
      ["invitation.accepted", "Pat", { email: pat.email, role: "viewer" }],
      ["invitation.created", "Ada", { email: pat.email, role: "viewer" }],
      ["workspace.created", "Ada", { name: "Audited" }],
    ]);
    expect(JSON.stringify(first)).not.toContain(tokenOf(path));

    await t.join(pat, id, "editor");
    await expectTrpcError(pat.api.workspaces.audit({ workspaceId: id }), "FORBIDDEN", /owner role/);
    const outsider = await t.user("Quinn");
    await expectTrpcError(
      outsider.api.workspaces.audit({ workspaceId: id }),
      "NOT_FOUND",
      "Workspace not found",
    );
  });
});
