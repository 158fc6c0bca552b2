import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";
import { createTeam, type Team } from "./support/team";

const t = useTestApi();
let team: Team;
let friend: TestUser;

beforeAll(async () => {
  team = await createTeam(t);
  friend = await t.user("Fred");
});

const tokenOf = (path: string) => path.replace(/^\/shared\//, "");

describe("sharing a flow with a person", () => {
  it("gives them the flow in their list with their role, and its runs", async () => {
    const flowId = await team.newFlow("Shared with Fred");
    const runId = await team.finishedRun("Canberra.", flowId);
    const share = await team.editor.api.shares.shareWithUser({
      flowId,
      email: friend.email.toUpperCase(),
      role: "viewer",
    });
    expect(share).toMatchObject({
      flowId,
      role: "viewer",
      user: { id: friend.id, email: friend.email },
      createdBy: { id: team.editor.id },
    });

    const listed = await friend.api.flows.list();
    expect(listed.find((f) => f.id === flowId)).toMatchObject({
      role: "viewer",
      sharedWithMe: true,
    });
    expect((await team.viewer.api.flows.list()).find((f) => f.id === flowId)).toMatchObject({
      role: "viewer",
      sharedWithMe: false,
    });
    expect(await friend.api.flows.byId({ id: flowId })).toMatchObject({ role: "viewer" });
    expect((await friend.api.runs.list({ flowId })).runs.map((r) => r.id)).toEqual([runId]);
    expect((await friend.api.runs.byId({ runId })).id).toBe(runId);
    await expectTrpcError(
      friend.api.flows.update({ id: flowId, document: {} }),
      "FORBIDDEN",
      /you are a viewer/,
    );
    await expectTrpcError(friend.api.runs.start({ flowId, inputs: {} }), "FORBIDDEN", /viewer/);
  });

  it("lets an editor by share edit and run, but not delete or share further", async () => {
    const flowId = await team.newFlow("Editable by Fred");
    await team.owner.api.shares.shareWithUser({ flowId, email: friend.email, role: "editor" });
    expect((await friend.api.flows.rename({ id: flowId, name: "Renamed by Fred" })).version).toBe(
      2,
    );
    expect(await friend.api.runs.start({ flowId, inputs: { question: "q" } })).toHaveProperty(
      "runId",
    );
    await expectTrpcError(
      friend.api.flows.delete({ id: flowId }),
      "FORBIDDEN",
      "Only editors and owners of this flow's workspace can delete it; it was shared with you.",
    );
    await expectTrpcError(
      friend.api.shares.createLink({ flowId }),
      "FORBIDDEN",
      "Only editors and owners of this flow's workspace can share it; it was shared with you.",
    );
    await expectTrpcError(
      friend.api.shares.list({ flowId }),
      "FORBIDDEN",
      /it was shared with you/,
    );
  });

  it("changes the role when shared again or updated, and revoking takes access away", async () => {
    const flowId = await team.newFlow("Changing");
    const first = await team.owner.api.shares.shareWithUser({
      flowId,
      email: friend.email,
      role: "viewer",
    });
    const again = await team.owner.api.shares.shareWithUser({
      flowId,
      email: friend.email,
      role: "editor",
    });
    expect(again.id).toBe(first.id);
    expect(
      (await team.owner.api.shares.updateRole({ shareId: first.id, role: "viewer" })).role,
    ).toBe("viewer");
    expect(await team.owner.api.shares.list({ flowId })).toMatchObject({
      users: [{ id: first.id, role: "viewer", user: { email: friend.email } }],
      links: [],
    });

    expect(await team.owner.api.shares.revoke({ shareId: first.id })).toEqual({ id: first.id });
    await expectTrpcError(friend.api.flows.byId({ id: flowId }), "NOT_FOUND", "Flow not found");
    expect((await friend.api.flows.list()).map((f) => f.id)).not.toContain(flowId);
    expect((await team.owner.api.shares.list({ flowId })).users).toEqual([]);
    await expectTrpcError(
      team.owner.api.shares.revoke({ shareId: first.id }),
      "NOT_FOUND",
      "Share not found",
    );

    // Sharing again revives the same grant.
    const revived = await team.owner.api.shares.shareWithUser({
      flowId,
      email: friend.email,
      role: "viewer",
    });
    expect(revived.id).toBe(first.id);
    expect((await friend.api.flows.byId({ id: flowId })).role).toBe("viewer");
  });

  it("refuses viewers, outsiders, unknown emails and oneself", async () => {
    const { flowId } = team;
    await expectTrpcError(
      team.viewer.api.shares.shareWithUser({ flowId, email: friend.email, role: "viewer" }),
      "FORBIDDEN",
      "Only editors and owners of this flow's workspace can share it; you are a viewer there.",
    );
    await expectTrpcError(
      team.other.api.shares.shareWithUser({ flowId, email: friend.email, role: "viewer" }),
      "NOT_FOUND",
      "Flow not found",
    );
    await expectTrpcError(
      team.owner.api.shares.shareWithUser({ flowId, email: "nobody@example.com", role: "viewer" }),
      "NOT_FOUND",
      "No one has signed up with nobody@example.com yet; ask them to sign up first, or invite them to the workspace.",
    );
    await expectTrpcError(
      team.owner.api.shares.shareWithUser({ flowId, email: team.owner.email, role: "editor" }),
      "BAD_REQUEST",
      "You can't share a flow with yourself.",
    );
    await expectTrpcError(
      // @ts-expect-error a share never makes someone an owner
      team.owner.api.shares.shareWithUser({ flowId, email: friend.email, role: "owner" }),
      "BAD_REQUEST",
      /invalid_value/,
    );
  });
});

describe("read-only links", () => {
  it("shows the token once, stores its hash, and opens the flow for anyone until revoked", async () => {
    const flowId = await team.newFlow("Linked");
    const link = await team.editor.api.shares.createLink({ flowId });
    expect(link).toMatchObject({ flowId, role: "viewer", path: `/shared/${link.token}` });
    const row = await t.db.flowShare.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.linkTokenHash).toBe(createHash("sha256").update(link.token).digest("hex"));

    const listed = await team.owner.api.shares.list({ flowId });
    expect(listed.links.map((l) => l.id)).toEqual([link.id]);
    expect(JSON.stringify(listed)).not.toContain(link.token);
    expect(JSON.stringify(listed)).not.toContain(row.linkTokenHash!);

    const opened = await t.anonymous().shares.openLink({ token: tokenOf(link.path) });
    expect(opened).toMatchObject({ flowId, name: "Linked", version: 1, role: "viewer" });
    expect(opened.document).toMatchObject({
      name: "Linked",
      nodes: [{ id: "in" }, { id: "ask" }, { id: "out" }],
    });
    // A link does not make the flow theirs: it is not in their list and its runs stay closed.
    expect((await friend.api.flows.list()).map((f) => f.id)).not.toContain(flowId);

    expect(await team.owner.api.shares.revokeLink({ shareId: link.id })).toEqual({ id: link.id });
    await expectTrpcError(
      t.anonymous().shares.openLink({ token: link.token }),
      "NOT_FOUND",
      "This link is not valid or has been revoked.",
    );
    await expectTrpcError(
      team.owner.api.shares.revokeLink({ shareId: link.id }),
      "NOT_FOUND",
      "Link not found",
    );
  });

  it("stops working when the flow is deleted, and refuses made-up tokens", async () => {
    const flowId = await team.newFlow("Doomed");
    const { token } = await team.owner.api.shares.createLink({ flowId });
    await team.owner.api.flows.delete({ id: flowId });
    await expectTrpcError(t.anonymous().shares.openLink({ token }), "NOT_FOUND", /not valid/);
    await expectTrpcError(
      t.anonymous().shares.openLink({ token: "a".repeat(43) }),
      "NOT_FOUND",
      /not valid/,
    );
  });

  it("is managed by workspace editors only; a user share id is not a link id", async () => {
    const { id, token } = await team.owner.api.shares.createLink({ flowId: team.flowId });
    await expectTrpcError(
      team.viewer.api.shares.revokeLink({ shareId: id }),
      "FORBIDDEN",
      /you are a viewer there/,
    );
    await expectTrpcError(
      team.other.api.shares.revokeLink({ shareId: id }),
      "NOT_FOUND",
      "Link not found",
    );
    await expectTrpcError(
      team.owner.api.shares.revoke({ shareId: id }),
      "NOT_FOUND",
      "Share not found",
    );
    expect((await t.anonymous().shares.openLink({ token })).flowId).toBe(team.flowId);
  });
});

describe("flows.fork", () => {
  it("copies the flow into a workspace of the caller's, remembering its origin", async () => {
    const fork = await team.viewer.api.flows.fork({
      flowId: team.flowId,
      workspaceId: team.viewer.workspaceId,
    });
    expect(fork.version).toBe(1);
    const copy = await team.viewer.api.flows.byId({ id: fork.id });
    expect(copy).toMatchObject({
      workspaceId: team.viewer.workspaceId,
      forkedFromId: team.flowId,
      role: "owner",
      version: { message: "Forked from Ask", document: { name: "Ask" } },
    });
    const named = await team.owner.api.flows.fork({
      flowId: team.flowId,
      workspaceId: team.workspaceId,
      name: "Ask v2",
    });
    expect((await team.owner.api.flows.byId({ id: named.id })).name).toBe("Ask v2");
  });

  it("is open to people a flow was shared with, and to holders of a live link", async () => {
    const flowId = await team.newFlow("Fork me");
    await team.owner.api.shares.shareWithUser({ flowId, email: friend.email, role: "viewer" });
    expect((await friend.api.flows.fork({ flowId, workspaceId: friend.workspaceId })).version).toBe(
      1,
    );

    const stranger = await t.user("Stan");
    await expectTrpcError(
      stranger.api.flows.fork({ flowId, workspaceId: stranger.workspaceId }),
      "NOT_FOUND",
      "Flow not found",
    );
    const link = await team.owner.api.shares.createLink({ flowId });
    const viaLink = await stranger.api.flows.fork({
      flowId,
      workspaceId: stranger.workspaceId,
      linkToken: link.token,
    });
    expect((await stranger.api.flows.byId({ id: viaLink.id })).forkedFromId).toBe(flowId);
    // A link opens only its own flow.
    await expectTrpcError(
      stranger.api.flows.fork({
        flowId: team.flowId,
        workspaceId: stranger.workspaceId,
        linkToken: link.token,
      }),
      "NOT_FOUND",
      "Flow not found",
    );
    await team.owner.api.shares.revokeLink({ shareId: link.id });
    await expectTrpcError(
      stranger.api.flows.fork({ flowId, workspaceId: stranger.workspaceId, linkToken: link.token }),
      "NOT_FOUND",
      "Flow not found",
    );
  });

  it("needs the editor role where the copy goes", async () => {
    await expectTrpcError(
      team.viewer.api.flows.fork({ flowId: team.flowId, workspaceId: team.workspaceId }),
      "FORBIDDEN",
      "This needs the editor role in this workspace; you are a viewer.",
    );
    await expectTrpcError(
      team.viewer.api.flows.fork({ flowId: team.flowId, workspaceId: team.other.workspaceId }),
      "NOT_FOUND",
      "Workspace not found",
    );
  });
});

describe("audit of sharing", () => {
  it("records shares, links and forks in the flow's workspace, without tokens", async () => {
    const flowId = await team.newFlow("Audit trail");
    const share = await team.owner.api.shares.shareWithUser({
      flowId,
      email: friend.email,
      role: "viewer",
    });
    await team.owner.api.shares.updateRole({ shareId: share.id, role: "editor" });
    await team.owner.api.shares.revoke({ shareId: share.id });
    const link = await team.owner.api.shares.createLink({ flowId });
    await team.owner.api.shares.revokeLink({ shareId: link.id });
    const fork = await team.editor.api.flows.fork({ flowId, workspaceId: team.workspaceId });

    const { entries } = await team.owner.api.workspaces.audit({
      workspaceId: team.workspaceId,
      limit: 6,
    });
    expect(entries.map((e) => [e.action, e.target, e.details])).toEqual([
      ["flow.forked", fork.id, { fromFlowId: flowId, name: "Audit trail" }],
      ["link.revoked", link.id, { flowId }],
      ["link.created", link.id, { flowId }],
      ["share.revoked", share.id, { flowId, email: friend.email, role: "editor" }],
      [
        "share.role_changed",
        share.id,
        { flowId, email: friend.email, from: "viewer", role: "editor" },
      ],
      ["share.created", share.id, { flowId, email: friend.email, role: "viewer" }],
    ]);
    expect(JSON.stringify(await t.db.auditLog.findMany())).not.toContain(link.token);
  });
});
