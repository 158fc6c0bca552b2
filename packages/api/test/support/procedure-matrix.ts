import { expect } from "vitest";
import type { createCaller } from "../../src/root";
import { askFlow } from "./flows";
import type { TestApi, TestUser } from "./harness";
import { createTeam, type Team } from "./team";

/**
 * One row per tRPC procedure: who may call it on a team's things, and a call with good input.
 * The permission matrix runs every row as every caller; the attack tests reuse the calls (for
 * instance to read everything a procedure returns while looking for a secret).
 */
export type Api = ReturnType<typeof createCaller>;
export const CALLERS = ["owner", "editor", "viewer", "otherWorkspaceMember", "anonymous"] as const;
export type Caller = (typeof CALLERS)[number];

export interface Cell {
  who: Caller;
  /** The caller's user, or null when signed out. */
  user: TestUser | null;
}

export interface Row {
  allowed: readonly Caller[];
  /** Sets up what the call needs (fresh per cell when the call uses something up) and returns the call. */
  prepare(cell: Cell): Promise<(api: Api) => Promise<unknown>> | ((api: Api) => Promise<unknown>);
  /** Checks an allowed call's result further. */
  expectResult?(result: unknown, cell: Cell): void;
}

const ALL = CALLERS;
const SIGNED_IN = ["owner", "editor", "viewer", "otherWorkspaceMember"] as const;
const MEMBERS = ["owner", "editor", "viewer"] as const;
const EDITORS = ["owner", "editor"] as const;
const OWNER = ["owner"] as const;

export interface Matrix {
  rows: Record<string, Row>;
  /** Builds the team and the things rows refer to; call in beforeAll. */
  setup(): Promise<Team>;
  cellFor(who: Caller): Cell;
}

/** The matrix over a fresh team whose stored OpenAI key is `openaiKey`. */
export function procedureMatrix(t: TestApi, options: { openaiKey: string }): Matrix {
  let team: Team;
  let inviteToken = "";
  let linkToken = "";
  const ws = () => ({ workspaceId: team.workspaceId });
  const freshUser = () => t.user("Sam");
  /** A member with no other part to play, for role changes and removals to use up. */
  const freshMember = async () => {
    const user = await freshUser();
    await t.join(user, team.workspaceId, "viewer");
    return user;
  };
  const freshShare = async () => {
    const { email } = await freshUser();
    return (
      await team.owner.api.shares.shareWithUser({ flowId: team.flowId, email, role: "viewer" })
    ).id;
  };
  const tokenOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);
  /** Another workspace of the team's people, for a rename or delete to use up. */
  const freshTeamWorkspace = async (name: string) => {
    const { id } = await team.owner.api.workspaces.create({ name });
    await t.join(team.editor, id, "editor");
    await t.join(team.viewer, id, "viewer");
    await team.owner.api.flows.import({ workspaceId: id, document: askFlow(name) });
    return id;
  };

  const rows: Record<string, Row> = {
    "me.get": { allowed: ALL, prepare: () => (api) => api.me.get() },
    "catalog.nodes": { allowed: ALL, prepare: () => (api) => api.catalog.nodes() },
    "catalog.templates": { allowed: ALL, prepare: () => (api) => api.catalog.templates() },
    "catalog.models": { allowed: MEMBERS, prepare: () => (api) => api.catalog.models(ws()) },

    "flows.list": {
      allowed: SIGNED_IN,
      prepare: () => (api) => api.flows.list({ workspaceId: team.workspaceId }),
      // Outsiders may ask, but see nothing of the team.
      expectResult: (result, cell) => {
        if (cell.who === "otherWorkspaceMember") expect(result).toEqual([]);
        else expect(JSON.stringify(result)).toContain(team.flowId);
      },
    },
    "flows.byId": { allowed: MEMBERS, prepare: () => (api) => api.flows.byId({ id: team.flowId }) },
    "flows.create": {
      allowed: EDITORS,
      prepare: () => (api) => api.flows.create({ ...ws(), name: "New" }),
    },
    "flows.update": {
      allowed: EDITORS,
      prepare: () => (api) => api.flows.update({ id: team.flowId, document: askFlow("Ask") }),
    },
    "flows.rename": {
      allowed: EDITORS,
      prepare: () => (api) => api.flows.rename({ id: team.flowId, name: "Ask" }),
    },
    "flows.delete": {
      allowed: EDITORS,
      prepare: async () => {
        const id = await team.newFlow("Doomed");
        return (api) => api.flows.delete({ id });
      },
    },
    "flows.versions": {
      allowed: MEMBERS,
      prepare: () => (api) => api.flows.versions({ id: team.flowId }),
    },
    "flows.restore": {
      allowed: EDITORS,
      prepare: () => (api) => api.flows.restore({ id: team.flowId, version: 1 }),
    },
    "flows.import": {
      allowed: EDITORS,
      prepare: () => (api) => api.flows.import({ ...ws(), document: askFlow() }),
    },
    "flows.export": {
      allowed: MEMBERS,
      prepare: () => (api) => api.flows.export({ id: team.flowId }),
    },
    "flows.fork": {
      allowed: MEMBERS,
      // Into the caller's own workspace: whether they can see the flow is what decides.
      prepare: (cell) => (api) =>
        api.flows.fork({
          flowId: team.flowId,
          workspaceId: cell.user?.workspaceId ?? team.workspaceId,
        }),
    },

    "runs.start": {
      allowed: EDITORS,
      prepare: () => (api) => api.runs.start({ flowId: team.flowId, inputs: { question: "q" } }),
    },
    "runs.cancel": {
      allowed: EDITORS,
      prepare: async () => {
        const runId = await team.queuedRun();
        return (api) => api.runs.cancel({ runId });
      },
    },
    "runs.list": {
      allowed: MEMBERS,
      prepare: () => (api) => api.runs.list({ flowId: team.flowId }),
    },
    "runs.byId": { allowed: MEMBERS, prepare: () => (api) => api.runs.byId({ runId: team.runId }) },
    "runs.events": {
      allowed: MEMBERS,
      prepare: () => (api) => api.runs.events({ runId: team.runId }),
    },
    "runs.onRunEvents": {
      allowed: MEMBERS,
      prepare: () => (api) => api.runs.onRunEvents({ runId: team.runId }),
      expectResult: (items) => expect(items).toHaveLength(5),
    },

    "insights.models": {
      allowed: MEMBERS,
      prepare: () => (api) => api.insights.models({ ...ws(), days: 30, flowId: team.flowId }),
    },

    "credentials.list": { allowed: MEMBERS, prepare: () => (api) => api.credentials.list(ws()) },
    // Anthropic, so the stored OpenAI key stays what the fixture made it.
    "credentials.set": {
      allowed: OWNER,
      prepare: () => (api) =>
        api.credentials.set({ ...ws(), provider: "anthropic", key: "sk-ant-0123456789" }),
    },
    "credentials.test": {
      allowed: EDITORS,
      prepare: () => (api) => api.credentials.test({ ...ws(), provider: "openai" }),
    },
    "credentials.delete": {
      allowed: OWNER,
      prepare: async () => {
        await team.owner.api.credentials.set({
          ...ws(),
          provider: "anthropic",
          key: "sk-ant-0123456789",
        });
        return (api) => api.credentials.delete({ ...ws(), provider: "anthropic" });
      },
    },

    "apiKeys.list": { allowed: OWNER, prepare: () => (api) => api.apiKeys.list(ws()) },
    "apiKeys.create": {
      allowed: OWNER,
      prepare: () => (api) => api.apiKeys.create({ ...ws(), name: "CI" }),
    },
    "apiKeys.revoke": {
      allowed: OWNER,
      prepare: async () => {
        const { id } = await team.owner.api.apiKeys.create({ ...ws(), name: "Doomed" });
        return (api) => api.apiKeys.revoke({ ...ws(), id });
      },
    },

    "workspaces.create": {
      allowed: SIGNED_IN,
      prepare: () => (api) => api.workspaces.create({ name: "Mine" }),
    },
    "workspaces.rename": {
      allowed: OWNER,
      prepare: async () => {
        const workspaceId = await freshTeamWorkspace("Before");
        return (api) => api.workspaces.rename({ workspaceId, name: "After" });
      },
    },
    "workspaces.delete": {
      allowed: OWNER,
      prepare: async () => {
        const workspaceId = await freshTeamWorkspace("Doomed");
        return (api) => api.workspaces.delete({ workspaceId, confirmName: "Doomed" });
      },
    },
    "workspaces.members": {
      allowed: MEMBERS,
      prepare: () => (api) => api.workspaces.members(ws()),
    },
    "workspaces.invite": {
      allowed: OWNER,
      prepare: async () => {
        const { email } = await freshUser();
        return (api) => api.workspaces.invite({ ...ws(), email, role: "viewer" });
      },
    },
    "workspaces.invitations": {
      allowed: OWNER,
      prepare: () => (api) => api.workspaces.invitations(ws()),
    },
    "workspaces.revokeInvitation": {
      allowed: OWNER,
      prepare: async () => {
        const { email } = await freshUser();
        const { id } = await team.owner.api.workspaces.invite({ ...ws(), email, role: "viewer" });
        return (api) => api.workspaces.revokeInvitation({ ...ws(), id });
      },
    },
    "workspaces.inviteInfo": {
      allowed: ALL,
      prepare: () => (api) => api.workspaces.inviteInfo({ token: inviteToken }),
    },
    "workspaces.acceptInvite": {
      // Whoever the invitation is for (here: each caller, invited to someone else's workspace).
      allowed: SIGNED_IN,
      prepare: async (cell) => {
        const host = await freshUser();
        const { id } = await host.api.workspaces.create({ name: "Host" });
        const email = cell.user?.email ?? "someone@example.com";
        const { path } = await host.api.workspaces.invite({
          workspaceId: id,
          email,
          role: "viewer",
        });
        return (api) => api.workspaces.acceptInvite({ token: tokenOf(path) });
      },
    },
    "workspaces.setRole": {
      allowed: OWNER,
      prepare: async () => {
        const member = await freshMember();
        return (api) => api.workspaces.setRole({ ...ws(), userId: member.id, role: "editor" });
      },
    },
    "workspaces.removeMember": {
      allowed: OWNER,
      prepare: async () => {
        const member = await freshMember();
        return (api) => api.workspaces.removeMember({ ...ws(), userId: member.id });
      },
    },
    "workspaces.audit": { allowed: OWNER, prepare: () => (api) => api.workspaces.audit(ws()) },

    "shares.list": {
      allowed: EDITORS,
      prepare: () => (api) => api.shares.list({ flowId: team.flowId }),
    },
    "shares.shareWithUser": {
      allowed: EDITORS,
      prepare: async () => {
        const { email } = await freshUser();
        return (api) => api.shares.shareWithUser({ flowId: team.flowId, email, role: "viewer" });
      },
    },
    "shares.updateRole": {
      allowed: EDITORS,
      prepare: async () => {
        const shareId = await freshShare();
        return (api) => api.shares.updateRole({ shareId, role: "editor" });
      },
    },
    "shares.revoke": {
      allowed: EDITORS,
      prepare: async () => {
        const shareId = await freshShare();
        return (api) => api.shares.revoke({ shareId });
      },
    },
    "shares.createLink": {
      allowed: EDITORS,
      prepare: () => (api) => api.shares.createLink({ flowId: team.flowId }),
    },
    "shares.revokeLink": {
      allowed: EDITORS,
      prepare: async () => {
        const { id } = await team.owner.api.shares.createLink({ flowId: team.flowId });
        return (api) => api.shares.revokeLink({ shareId: id });
      },
    },
    "shares.openLink": {
      allowed: ALL,
      prepare: () => (api) => api.shares.openLink({ token: linkToken }),
    },
  };

  return {
    rows,
    async setup() {
      team = await createTeam(t);
      await team.owner.api.credentials.set({ ...ws(), provider: "openai", key: options.openaiKey });
      const invited = await freshUser();
      inviteToken = tokenOf(
        (await team.owner.api.workspaces.invite({ ...ws(), email: invited.email, role: "viewer" }))
          .path,
      );
      linkToken = (await team.owner.api.shares.createLink({ flowId: team.flowId })).token;
      return team;
    },
    cellFor(who) {
      const users = {
        owner: team.owner,
        editor: team.editor,
        viewer: team.viewer,
        otherWorkspaceMember: team.other,
      };
      return { who, user: who === "anonymous" ? null : users[who] };
    },
  };
}
